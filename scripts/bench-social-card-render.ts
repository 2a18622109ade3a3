// The marginal cost of the social cards, without a build around it: draws N cards for synthetic articles the
// way the route does (next/og ImageResponse, the same fonts and component) in this process, and reports CPU
// and wall time per card. A build's own figures on a shared machine vary more than the cards cost.
// Usage: npx tsx scripts/bench-social-card-render.ts [cards=1000]
import os from 'node:os';
import { createElement } from 'react';
import { ImageResponse } from 'next/og';
import { indexContent } from '../lib/content';
import { SOCIAL_IMAGE_SIZE } from '../lib/seo';
import { loadCardFonts, toCardText } from '../lib/social-card';
import { SocialCard } from '../components/social-card';
import { syntheticArticle } from './synthetic-articles';

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  const sources = Array.from({ length: count }, (_, i) => {
    const { slug, source } = syntheticArticle(i);
    return { file: `content/posts/${slug}.md`, raw: source };
  });
  const { articles } = indexContent(sources, { includeDrafts: false });
  const fonts = await loadCardFonts();
  // One card first: the WebAssembly of satori and resvg loads once per worker, not once per card.
  await new ImageResponse(createElement(SocialCard, toCardText(articles[0]!)), { ...SOCIAL_IMAGE_SIZE, fonts }).arrayBuffer();

  const cpu = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  for (const article of articles) {
    const response = new ImageResponse(createElement(SocialCard, toCardText(article)), { ...SOCIAL_IMAGE_SIZE, fonts });
    bytes += (await response.arrayBuffer()).byteLength;
  }
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(`${count} cards: wall ${wall.toFixed(1)} s, CPU ${cpuSeconds.toFixed(1)} s (${((cpuSeconds / count) * 1000).toFixed(0)} ms a card), ` +
    `${(bytes / 1e6).toFixed(1)} MB of PNG (${(bytes / count / 1000).toFixed(0)} kB a card); load average ${os.loadavg()[0]!.toFixed(1)}`);
}

void main();
