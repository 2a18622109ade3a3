import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';

// STATIC_EXPORT=1 writes a plain static site to out/ for hosts without a Node server.
const staticExport = process.env.STATIC_EXPORT === '1';

const nextConfig: NextConfig = {
  output: staticExport ? 'export' : undefined,
  // The export gets its own folder (Next writes the exported files there) so that it can sit beside the
  // `next start` build in .next/.
  distDir: staticExport ? 'out' : '.next',
  // A static host has no /_next/image endpoint; under `next start` local images are resized and re-encoded.
  images: { unoptimized: staticExport, formats: ['image/avif', 'image/webp'] },
  // lib/content.ts reads the articles with its file tracing turned off (it could not tell which files, and traced
  // the whole project): a server deployed on its own (standalone, serverless) gets content/ from here instead.
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default function config(phase: string): NextConfig {
  // Build workers each load content on their own: one moment for all of them, so an article that falls due
  // during the build cannot be listed by one page and missing from another. (lib/schedule.ts reads it.)
  if (phase === PHASE_PRODUCTION_BUILD) process.env.CONTENT_NOW ||= new Date().toISOString();
  return nextConfig;
}
