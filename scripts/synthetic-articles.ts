// Deterministic synthetic articles for benchmarks: realistic markdown (headings, lists, a table, code now and
// then) over a vocabulary with a long tail of rare words, as a real archive has.

/** A small seeded PRNG (mulberry32), so every run benchmarks the same articles. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'the of and to in a is that for on with as by at from this it be are was an or which model models data training ' +
  'language research open source released new benchmark results performance attention inference parameters tokens ' +
  'context weights licence company researchers paper code evaluation dataset safety compute billion million faster ' +
  'smaller larger accuracy reasoning tasks users developers release version api cloud hardware chips memory latency'
).split(' ');
const SYLLABLES = 'ka lo mi ren tor va sel qua dri fen bor lux nim pra sto vel zen cor dex mur tal wen yor bis gan'.split(' ');

export const TAG_POOL = [
  'AI', 'Language Models', 'Open Source', 'Research', 'Policy', 'Europe', 'Hardware', 'Robotics', 'Vision', 'Audio',
  'Benchmarks', 'Safety', 'Startups', 'Funding', 'Chips', 'Cloud', 'Tutorials', 'Datasets', 'Agents', 'Coding',
  'Healthcare', 'Education', 'Climate', 'Security', 'Privacy', 'Regulation', 'China', 'United States', 'Japan', 'India',
  'Meta', 'Google', 'OpenAI', 'Anthropic', 'Mistral', 'Microsoft', 'Nvidia', 'Apple', 'Amazon', 'Hugging Face',
];

/** A pseudo-word from the long tail: about 60,000 distinct ones, each rare. */
function rareWord(next: () => number): string {
  const length = 2 + Math.floor(next() * 3);
  return Array.from({ length }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
}

function sentence(next: () => number, words: number): string {
  const out = Array.from({ length: words }, () => (next() < 0.8 ? COMMON[Math.floor(next() ** 2 * COMMON.length)]! : rareWord(next)));
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * Compound words as AI news writes them, most frequent first, their parts common words: Pagefind indexes each
 * part at the compound's place, which the search box must answer as Pagefind does ("open source" on pages
 * saying "open-source", lib/search-answers.ts, pairsToAnswer).
 */
const COMPOUNDS = ['open-source', 'open-weights', 'state-of-the-art', 'long-context', 'billion-parameter', 'low-latency', 'on-device', 'safety-research'];

/** Models named with their version, as the news names them: a reader types "llama 2", "gpt 4". */
const MODEL_NAMES = ['Llama 2', 'GPT-4', 'Claude 2', 'Mistral 7B', 'Llama 3', 'Gemini 1.5', 'GPT-3.5', 'Falcon 40B'];

/**
 * For a `share` of articles, a sentence of at least `minWords` words holding one of `pool` (the first ones
 * most often), from a generator of its own (`seed`): the rest of the article stays as it was without them.
 */
function sentenceHolding(i: number, seed: number, share: number, pool: readonly string[], minWords: number): string | undefined {
  const extra = random(i + seed);
  if (extra() >= share) return undefined;
  const held = pool[Math.floor(extra() ** 2 * pool.length)]!;
  const words = sentence(extra, minWords + Math.floor(extra() * 8)).replace(/\.$/, '').split(' ');
  words.splice(1 + Math.floor(extra() * (words.length - 1)), 0, held);
  return `${words.join(' ')}.`;
}

const paragraph = (next: () => number) => Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next, 8 + Math.floor(next() * 12))).join(' ');

export type SyntheticOptions = { cover?: boolean };

/** Article `i` as a markdown file: frontmatter and a body of about 450 words, now and then with a compound word or a model's name. */
export function syntheticArticle(i: number, options: SyntheticOptions = {}): { slug: string; source: string } {
  const next = random(i + 1);
  const slug = `synthetic-${String(i).padStart(5, '0')}`;
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(next() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => TAG_POOL[Math.floor(next() ** 1.5 * TAG_POOL.length)]!))];
  const title = sentence(next, 5 + Math.floor(next() * 7)).replace(/\.$/, '');
  const first = paragraph(next);
  const compound = sentenceHolding(i, 0x5bd1e995, 0.45, COMPOUNDS, 8);
  const heading = `## ${sentence(next, 4).replace(/\.$/, '')}`;
  const second = paragraph(next);
  const named = sentenceHolding(i, 0x27d4eb2f, 0.4, MODEL_NAMES, 6);
  const body = [
    compound ? `${first} ${compound}` : first,
    heading,
    named ? `${second} ${named}` : second,
    `- ${sentence(next, 6)}\n- ${sentence(next, 7)}\n- ${sentence(next, 5)}`,
    `## ${sentence(next, 3).replace(/\.$/, '')}`,
    paragraph(next),
    i % 5 === 0 ? '```python\nfor step in range(10):\n    print(step)\n```' : '| Model | Score |\n| --- | ---: |\n| A | 71.2 |\n| B | 68.9 |',
    paragraph(next),
  ].join('\n\n');
  const frontmatter = [
    '---',
    `title: '${title.replace(/'/g, "''")}'`,
    `date: ${day}`,
    `description: '${sentence(next, 18).replace(/'/g, "''")}'`,
    ...(options.cover ? ['image: /images/covers/gpt-4.jpg'] : []),
    `tags: [${tags.map((tag) => `'${tag}'`).join(', ')}]`,
    '---',
  ].join('\n');
  return { slug, source: `${frontmatter}\n\n${body}\n` };
}
