// How the server builds a card, in one place: the listings draw it, and the tag filter's chunks carry it to the
// browser, so the two cannot drift apart (they once did: filtered cards lost the body's first image).
import type { CardImage } from './card';
import { cardImageOf } from './images';
import { site } from './site';

export const SERVER_CARD_OPTIONS: { imageOf: (src: string) => CardImage; locale: string } = {
  imageOf: (src) => cardImageOf(src),
  locale: site.locale,
};
