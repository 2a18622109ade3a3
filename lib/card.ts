// What an article card shows, as plain data: the server's listings and the tag filter's results (which
// arrive as JSON and render in the browser) draw the same card from it, so filtering never changes how an
// article looks. Nothing here reads files; the server works out image sizes before a card is built.
import { formatDate } from './dates';
import type { PublicationStatus } from './schedule';

/** An image as a card or cover shows it, with the box it reserves before it loads. */
export type CardImage = {
  src: string;
  width: number;
  height: number;
  /** Through Next's optimizer: local files whose size is known. Remote ones load as they are. */
  optimise: boolean;
  /** A blurred preview from the image manifest, shown behind a remote image while it loads. */
  placeholder?: string;
};

export type CardData = {
  slug: string;
  title: string;
  /** ISO date, for `<time datetime>`. */
  date: string;
  /** The date as the site shows it, formatted at build time (the browser never loads locale data). */
  dateText: string;
  readingMinutes: number;
  summary: string;
  image?: CardImage;
  tags: readonly { slug: string; name: string }[];
  status: PublicationStatus;
};

/** The picture on an article's card: its cover, or else the first image of its body. */
export function thumbnailOf(article: { image?: string; images: readonly { src: string }[] }): string | undefined {
  return article.image ?? article.images[0]?.src;
}

/** A stable hue per article, so a card without any image still has its own colour. */
export function hueOf(slug: string): number {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.codePointAt(0)!) % 360;
  return hash;
}

/** The words on the panel that stands in for a missing picture: the first tag, else the title. */
export function panelLabelOf(card: Pick<CardData, 'tags' | 'title'>): string {
  return card.tags[0]?.name ?? card.title;
}

/** What a card needs to know of an article: a subset of the content layer's Article. */
export type CardSource = {
  slug: string;
  title: string;
  date: string;
  readingMinutes: number;
  summary: string;
  image?: string;
  images: readonly { src: string }[];
  status: PublicationStatus;
  tags: readonly { slug: string; name: string }[];
};

/** About three lines of a card: the rest would be clamped away on screen, and weigh on the filter's chunks. */
export const CARD_SUMMARY_LENGTH = 220;

/**
 * The card of an article. `imageOf` says how the server shows an image (lib/images.ts cardImageOf, which
 * reads files); the dates are formatted here, at build time, in the site's locale.
 */
export function cardDataOf(article: CardSource, { imageOf, locale }: { imageOf: (src: string) => CardImage; locale: string }): CardData {
  const thumbnail = thumbnailOf(article);
  return {
    slug: article.slug,
    title: article.title,
    date: article.date,
    dateText: formatDate(article.date, locale),
    readingMinutes: article.readingMinutes,
    summary: excerpt(article.summary, CARD_SUMMARY_LENGTH),
    ...(thumbnail ? { image: imageOf(thumbnail) } : {}),
    tags: article.tags,
    status: article.status,
  };
}

/** `text` cut at a word boundary to at most `length` characters, with an ellipsis when cut. */
export function excerpt(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2)).replace(/[\s,.;:]+$/, '')}…`;
}
