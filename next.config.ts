import type { NextConfig } from 'next';

// STATIC_EXPORT=1 writes a plain static site to out/ for hosts without a Node server.
const staticExport = process.env.STATIC_EXPORT === '1';

const nextConfig: NextConfig = {
  output: staticExport ? 'export' : undefined,
  // The export gets its own folder (Next writes the exported files there) so that it can sit beside the
  // `next start` build in .next/.
  distDir: staticExport ? 'out' : '.next',
  // A static host has no /_next/image endpoint; under `next start` local images are resized and re-encoded.
  images: { unoptimized: staticExport, formats: ['image/avif', 'image/webp'] },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
