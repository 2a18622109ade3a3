// What a reader sees on the listing, article, tag and error pages.
import { test, expect, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';
import { site } from '../lib/site';

type Card = { title: string; href: string; date: string; tags: string[] };

async function cards(page: Page): Promise<Card[]> {
  return page.getByTestId('article-list').locator(':scope > li').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('h2')?.textContent?.trim() ?? '',
      href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
      tags: [...item.querySelectorAll('ul a')].map((a) => a.textContent?.trim() ?? ''),
    })),
  );
}

/** Follows rel="next" from `start` and returns every card of every page. */
async function allCards(page: Page, start: string): Promise<Card[]> {
  const found: Card[] = [];
  let url: string | null = start;
  while (url) {
    await page.goto(url);
    found.push(...(await cards(page)));
    const next = page.locator('head link[rel="next"]');
    // The link is absolute on the configured site URL; the test server may run elsewhere.
    url = (await next.count()) > 0 ? new URL((await next.getAttribute('href'))!).pathname : null;
  }
  return found;
}

test.describe('home listing', () => {
  test('lists every published article once, newest first, across pages linked by rel=next/prev', async ({ page }) => {
    const listed = await allCards(page, '/');
    expect(listed.length).toBeGreaterThanOrEqual(7);
    expect(new Set(listed.map((card) => card.href)).size).toBe(listed.length);
    const times = listed.map((card) => Date.parse(card.date.length === 10 ? `${card.date}T00:00:00Z` : card.date));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    await page.goto('/page/2');
    expect(new URL((await page.locator('head link[rel="prev"]').getAttribute('href'))!).pathname).toBe('/');
    await expect(page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Newer articles/ })).toHaveAttribute('href', '/');
  });

  test('"Page X of Y" sits in the middle of the pagination, between its links, on a phone and on a desktop', async ({ page }) => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      for (const path of ['/', '/page/2']) {
        await page.goto(path);
        const nav = page.getByRole('navigation', { name: 'Pagination' });
        const label = nav.getByText(/^Page \d+ of \d+$/);
        const [navBox, labelBox] = [(await nav.boundingBox())!, (await label.boundingBox())!];
        expect(Math.abs(labelBox.x + labelBox.width / 2 - (navBox.x + navBox.width / 2)), `${path} at ${viewport.width} px`).toBeLessThan(3);
        for (const link of await nav.getByRole('link', { name: /(Newer|Older) articles/ }).all()) {
          const linkBox = (await link.boundingBox())!;
          // On the label's line, beside it rather than over it.
          expect(Math.abs(linkBox.y + linkBox.height / 2 - (labelBox.y + labelBox.height / 2))).toBeLessThan(2);
          expect(linkBox.x + linkBox.width <= labelBox.x || linkBox.x >= labelBox.x + labelBox.width).toBe(true);
        }
      }
    }
  });

  test('cards show title, date, summary, tag links and the cover image', async ({ page }) => {
    await page.goto('/page/2');
    const seed = page.getByRole('article').filter({ hasText: 'Llama 2 Released for Commercial Use' });
    await expect(seed.getByRole('link', { name: /Llama 2 Released/ })).toHaveAttribute('href', '/posts/llama-2-released');
    await expect(seed.locator('time')).toHaveText('March 1, 2023');
    await expect(seed).toContainText('A look at the key details on Llama 2 from Meta AI');
    await expect(seed.getByRole('link', { name: 'Meta', exact: true })).toHaveAttribute('href', '/tags/meta');
    await expect(seed.locator('img').first()).toHaveAttribute('src', 'https://pbs.twimg.com/media/F1VPb_IaAAEa4-b.jpg');
  });

  test('a card whose picture fails to load shows the coloured panel of a card without one, even before hydration', async ({ page }) => {
    await page.route('https://pbs.twimg.com/**', (route) => route.abort('internetdisconnected'));
    // The page's scripts wait until the picture has failed: the boot script alone must mark it.
    let releaseScripts = () => {};
    const scriptsReleased = new Promise<void>((resolve) => (releaseScripts = resolve));
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      await scriptsReleased;
      await route.continue();
    });
    await page.goto('/page/2', { waitUntil: 'commit' });
    const card = page.getByRole('article').filter({ hasText: 'Llama 2 Released for Commercial Use' });
    const frame = card.locator('.img-frame');
    const panel = frame.locator('.img-frame-fallback');
    await expect(frame).toHaveAttribute('data-failed', '');
    await expect(panel).toBeVisible();
    releaseScripts();
    // Hydrated: the tag filter's links have become buttons. The mark and the panel stay.
    await expect(page.getByTestId('tag-filter').getByRole('button', { name: /^AI \(/ })).toBeVisible();

    // The panel a card without a picture has: its first tag on the article's colours, filling the 16:9 frame,
    // and no empty dashed box over it.
    await expect(panel).toHaveText('AI');
    expect(await panel.locator(':scope > span').evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/^linear-gradient/);
    expect(await frame.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('none');
    const [frameBox, panelBox] = [await frame.boundingBox(), await panel.boundingBox()];
    expect(panelBox).toEqual(frameBox);
    expect(frameBox!.width / frameBox!.height).toBeCloseTo(16 / 9, 1);

    // A card the tag filter draws in the browser gets the same panel.
    await page.goto('/?tags=llama-2');
    const filtered = page.getByRole('article').filter({ hasText: 'Llama 2 Released for Commercial Use' });
    await expect(filtered.locator('.img-frame')).toHaveAttribute('data-failed', '');
    await expect(filtered.locator('.img-frame-fallback')).toBeVisible();
  });

  test('an article whose cover fails to load shows no empty frame in its place', async ({ page }) => {
    const isCover = (url: URL) => url.pathname === '/_next/image' && url.searchParams.get('url') === '/images/covers/gpt-4.jpg';
    await page.route(isCover, (route) => route.abort('internetdisconnected'));
    await page.goto('/posts/gpt-4-technical-report');
    const cover = page.locator('article header + .img-frame');
    await expect(cover).toHaveAttribute('data-failed', '');
    await expect(cover).toBeHidden();
    // The contents follow the header directly, where the picture would have been.
    const header = await page.locator('article header').boundingBox();
    const next = await page.locator('article header ~ div').first().boundingBox();
    expect(next!.y - (header!.y + header!.height)).toBeLessThan(48);
  });

  test('an article without a description is summarised by its first paragraph', async ({ page }) => {
    const listed = await allCards(page, '/');
    expect(listed.map((card) => card.title)).toContain('Claude 2 reads a 100,000-token document in one go');
    await page.goto(listed.find((card) => card.title.startsWith('Claude 2'))!.href);
    await page.goto('/');
    await expect(page.getByRole('article').filter({ hasText: 'Claude 2 reads' })).toContainText('accepts prompts of up to 100,000 tokens');
  });
});

test.describe('the seed article', () => {
  test('shows its title, date, reading time, tags, headings, bold steps and every image', async ({ page }) => {
    await page.goto('/posts/llama-2-released');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText('Llama 2 Released for Commercial Use - What We Know So Far');
    await expect(page.locator('article header time')).toHaveAttribute('datetime', '2023-03-01');
    await expect(page.locator('article header')).toContainText('min read');
    for (const tag of ['AI', 'Llama 2', 'Meta', 'Language Models']) {
      await expect(page.locator('article header').getByRole('link', { name: tag, exact: true })).toBeVisible();
    }
    const headings = ['Performance and Parameters', 'Usage and Restrictions', 'Model Architecture', 'Training Methodology'];
    for (const name of headings) {
      const heading = page.getByRole('heading', { level: 2, name });
      await expect(heading).toHaveAttribute('id', /.+/);
      await expect(heading.locator('a[href^="#"]')).toHaveCount(1);
    }
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc.getByRole('link')).toHaveText(headings);
    for (const step of ['1. Pretraining', '2. Supervised Fine-Tuning', '3. Reinforcement Learning', '4. Safety', '5. Evaluation']) {
      await expect(page.locator('.prose-article strong', { hasText: step })).toBeVisible();
    }
    for (const alt of ['Llama 2 announcement', 'Llama 2 benchmarks', 'Llama 2 metrics', 'Llama 2 usage', 'Llama 2 training']) {
      const image = page.getByRole('img', { name: alt });
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    await expect(page.getByRole('link', { name: 'Meta AI site' })).toHaveAttribute('href', /^https:\/\/ai\.meta\.com\//);
  });

  test('links to the neighbouring articles', async ({ page }) => {
    await page.goto('/posts/llama-2-released');
    const more = page.getByRole('navigation', { name: 'More articles' });
    await more.getByRole('link', { name: /Next article/ }).click();
    await expect(page).toHaveURL(/\/posts\/gpt-4-technical-report$/);
    await page.getByRole('navigation', { name: 'More articles' }).getByRole('link', { name: /Previous article/ }).click();
    await expect(page).toHaveURL(/\/posts\/llama-2-released$/);
  });
});

test.describe('an article’s date line', () => {
  /** Each dot of the line: whether it is on screen, and whether the words before and after it share its line. */
  function readDots(page: Page) {
    return page.locator('article header p', { has: page.locator('time') }).evaluate((line) => {
      const topOf = (node: Text, at: number) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect().top;
      };
      // The line's text in reading order: the dots, and the characters around them.
      const texts: Text[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent!.trim()) texts.push(node as Text);
      const isDot = (node: Text) => node.textContent!.trim() === '·';
      const wraps = line.getBoundingClientRect().height > line.querySelector('time')!.getBoundingClientRect().height * 1.5;
      const dots = texts.flatMap((node, i) => {
        if (!isDot(node)) return [];
        const dot = node.parentElement!;
        const box = dot.getBoundingClientRect();
        const dotTop = topOf(node, node.textContent!.indexOf('·'));
        const before = texts.slice(0, i).findLast((text) => !isDot(text));
        const after = texts.slice(i + 1).find((text) => !isDot(text));
        return [
          {
            shown: document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === dot,
            wordBeforeOnItsLine: before !== undefined && Math.abs(topOf(before, before.textContent!.trimEnd().length - 1) - dotTop) < 2,
            wordAfterOnItsLine: after !== undefined && Math.abs(topOf(after, after.textContent!.search(/\S/)) - dotTop) < 2,
          },
        ];
      });
      return { wraps, dots };
    });
  }

  test('on a phone it wraps between facts, and no line starts or ends with a dot', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // Two dates and the reading time do not fit on one line of a phone.
    await page.goto('/posts/gpt-4-technical-report');
    const phone = await readDots(page);
    expect(phone.wraps).toBe(true);
    expect(phone.dots.filter((dot) => dot.shown)).not.toHaveLength(0);
    // A dot is on screen exactly where words share its line on both sides.
    for (const dot of phone.dots) expect(dot.shown).toBe(dot.wordBeforeOnItsLine && dot.wordAfterOnItsLine);
    for (const dot of phone.dots.filter((dot) => !dot.shown)) expect(dot.wordBeforeOnItsLine).toBe(false);

    await page.setViewportSize({ width: 1280, height: 800 });
    const desktop = await readDots(page);
    expect(desktop.wraps).toBe(false);
    expect(desktop.dots.filter((dot) => dot.shown)).toHaveLength(2);
    for (const dot of desktop.dots) expect(dot.shown).toBe(dot.wordBeforeOnItsLine && dot.wordAfterOnItsLine);
  });
});

test.describe('markdown rendering', () => {
  test('renders raw HTML in .md and drops what could run code', async ({ page }) => {
    await page.goto('/posts/claude-2-long-context');
    const body = page.locator('.prose-article');
    await expect(body.locator('kbd').first()).toHaveText('Ctrl');
    await expect(body.locator('sup')).toHaveText('1');
    await expect(body.getByRole('img', { name: 'Chart: throughput by context length' })).toBeVisible();
    await body.getByText('Keyboard shortcuts in the new web interface').click();
    await expect(body.getByRole('cell', { name: 'New conversation' })).toBeVisible();
    await expect(body).not.toContainText('Editors: figures from');
  });

  test('a disclosure summary that wraps on a phone lines up under its words, not under the triangle', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/posts/claude-2-long-context');
    const lineStarts = await page.locator('.prose-article summary').first().evaluate((summary) => {
      const text = document.createRange();
      text.selectNodeContents(summary);
      const lines = new Map<number, number>();
      for (const rect of text.getClientRects()) lines.set(Math.round(rect.top), Math.min(lines.get(Math.round(rect.top)) ?? Infinity, Math.round(rect.left)));
      return [...lines.values()];
    });
    expect(lineStarts.length).toBeGreaterThan(1);
    expect(new Set(lineStarts).size).toBe(1);
  });

  test('on a phone, code wider than the screen scrolls from the keyboard, its text faded at the edge with more', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/posts/running-llama-2-locally-with-llama-cpp');
    const code = page.locator('.prose-article pre > code').first();
    const fades = () => code.evaluate((element) => ['--fade-start', '--fade-end'].map((name) => getComputedStyle(element).getPropertyValue(name)));
    expect(await code.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await expect.poll(fades).toEqual(['0px', '40px']);
    // The block's frame does not fade: only what scrolls inside it.
    expect(await code.evaluate((element) => getComputedStyle(element.parentElement!).maskImage)).toBe('none');
    await code.focus();
    await expect(code).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => code.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await expect(async () => {
      await page.keyboard.press('ArrowRight');
      expect(await fades()).toEqual(['40px', '0px']);
    }).toPass();
  });

  test('highlights code at build time and renders GFM tables', async ({ page }) => {
    await page.goto('/posts/running-llama-2-locally-with-llama-cpp');
    await expect(page.locator('pre.shiki').first()).toBeVisible();
    await expect(page.locator('pre.shiki span[style*="--shiki-light"]').first()).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Quality loss' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Q4_K_M 4\.1 GB small/ })).toBeVisible();
  });
});

test.describe('tags', () => {
  test('/tags lists every tag once with its count, and each tag page lists exactly those articles', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/tags');
    const entries = await page.getByRole('list', { name: 'All tags' }).getByRole('link').evaluateAll((links) =>
      links.map((link) => ({
        href: link.getAttribute('href') ?? '',
        name: link.querySelector('span')?.textContent?.trim() ?? '',
        count: Number(link.querySelector('span:last-child')?.textContent?.match(/\d+/)?.[0]),
      })),
    );
    expect(entries.length).toBeGreaterThan(10);
    expect(new Set(entries.map((entry) => entry.name.toLowerCase())).size).toBe(entries.length);

    const everything = await allCards(page, '/');
    for (const entry of entries) {
      const listed = await allCards(page, entry.href);
      await expect(page.locator('h1')).toHaveText(entry.name);
      expect(listed.length, entry.name).toBe(entry.count);
      const expected = everything.filter((card) => card.tags.includes(entry.name)).map((card) => card.href);
      expect(listed.map((card) => card.href), entry.name).toEqual(expected);
    }
  });

  test('tags that differ only in case or spaces are one tag under the most used spelling', async ({ page }) => {
    await page.goto('/tags');
    const list = page.getByRole('list', { name: 'All tags' });
    await expect(list.getByRole('link', { name: /^AI \d+/ })).toHaveCount(1);
    await expect(list.getByRole('link', { name: /^ai \d+/ })).toHaveCount(0);
    await page.goto('/tags/language-models');
    await expect(page.getByRole('heading', { level: 2, name: 'Claude 2 reads a 100,000-token document in one go' })).toBeVisible();
  });

  test('C, C++, C# and Node.js each have their own page', async ({ page }) => {
    for (const [path, name] of [['/tags/c', 'C'], ['/tags/c-plus-plus', 'C++'], ['/tags/c-sharp', 'C#'], ['/tags/node-js', 'Node.js']]) {
      const response = await page.goto(path!);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1')).toHaveText(name!);
    }
    await page.goto('/posts/ai-coding-assistants-by-language');
    await page.locator('article header').getByRole('link', { name: 'C++', exact: true }).click();
    await expect(page).toHaveURL(/\/tags\/c-plus-plus$/);
  });

  test('non-Latin tags have working pages, followed from a link or typed in', async ({ page }) => {
    await page.goto('/tags');
    await page.getByRole('link', { name: /^机器学习/ }).click();
    await expect(page.locator('h1')).toHaveText('机器学习');
    await expect(page.getByRole('heading', { level: 2, name: 'Chinese open models climb the leaderboards' })).toBeVisible();
    const response = await page.goto('/tags/k%C3%BCnstliche-intelligenz');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('Künstliche Intelligenz');
  });
});

test.describe('drafts and missing pages', () => {
  test('a draft is nowhere on the published site', async ({ page }) => {
    const listed = await allCards(page, '/');
    expect(listed.map((card) => card.title).join('\n')).not.toContain('Gemini');
    expect((await page.goto('/posts/gemini-first-look'))?.status()).toBe(404);
    expect((await page.goto('/tags/google'))?.status()).toBe(404);
    await page.goto('/tags');
    await expect(page.getByRole('list', { name: 'All tags' })).not.toContainText('Google');
  });

  for (const path of ['/posts/no-such-article', '/tags/no-such-tag', '/page/99', '/page/1', '/some/unknown/path']) {
    test(`${path} answers 404 with a way home`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
      // The tab and the history say so too, not just the site's name.
      await expect(page).toHaveTitle(`Page not found · ${site.name}`);
      await page.getByRole('link', { name: 'Go to the home page' }).click();
      await expect(page).toHaveURL(/\/$/);
    });
  }
});

test.describe('theme and keyboard', () => {
  test('follows the system theme until the reader picks one, then remembers it', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(background);
    await context.close();
  });

  test('the skip link and article links work from the keyboard', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    // A padded pill just below the header, not a bare word over the site's name.
    const [skipBox, headerBox] = [await skip.boundingBox(), await page.getByRole('banner').boundingBox()];
    expect(skipBox!.y).toBeGreaterThanOrEqual(headerBox!.y + headerBox!.height);
    expect(await skip.evaluate((link) => parseFloat(getComputedStyle(link).paddingLeft))).toBeGreaterThanOrEqual(16);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    const firstTitle = page.getByTestId('article-list').locator('h2 a').first();
    for (let i = 0; i < 30 && !(await firstTitle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(firstTitle).toBeFocused();
    const href = await firstTitle.getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator('h1')).toBeVisible();
  });
});

test.describe('the header', () => {
  test('shows where the reader is: the page itself, or the part of the site it belongs to', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    const articles = nav.getByRole('link', { name: 'Articles' });
    const tags = nav.getByRole('link', { name: 'Tags' });
    await page.goto('/');
    await expect(articles).toHaveAttribute('aria-current', 'page');
    await expect(tags).not.toHaveAttribute('aria-current');
    // Marked where it is seen, not only for screen readers.
    const muted = await tags.evaluate((link) => getComputedStyle(link).color);
    expect(await articles.evaluate((link) => getComputedStyle(link).color)).not.toBe(muted);
    await page.goto('/posts/llama-2-released');
    await expect(articles).toHaveAttribute('aria-current', 'true');
    await tags.click();
    await expect(page).toHaveURL(/\/tags$/);
    await expect(tags).toHaveAttribute('aria-current', 'page');
    await expect(articles).not.toHaveAttribute('aria-current');
  });
});

test.describe('accessibility', () => {
  for (const path of ['/', '/posts/llama-2-released', '/tags', '/tags/ai']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no violations on ${path} (${colorScheme})`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
        await page.goto(path);
        await expectNoAxeViolations(page);
        await context.close();
      });
    }
  }
});
