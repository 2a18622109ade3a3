'use client';
// The article's image viewer: one modal dialog for every image on the page. The images are server-rendered
// buttons (components/article-image.tsx); this island finds them by event delegation and reads what to show
// from them, so a page ships no per-image JavaScript and works as plain HTML until it loads.
import { useCallback, useEffect, useRef, useState } from 'react';
import { LIGHTBOX_QUEUE } from './lightbox-queue';

const TRIGGER = '[data-lightbox-trigger]';
// A horizontal move this long (and mostly sideways) is a swipe, not a shaky tap.
const SWIPE_PX = 40;

type Slide = {
  id: string;
  src: string;
  srcSet?: string;
  /** The thumbnail the page already loaded, shown stretched until the large image arrives. */
  preview?: string;
  alt: string;
  caption?: string;
  width: number;
  height: number;
  failed: boolean;
};
type View = { slides: Slide[]; index: number };

function toSlide(button: HTMLElement): Slide {
  const img = button.querySelector('img');
  // A remote image missing from the manifest has no recorded size; once loaded, the thumbnail knows it.
  const loaded = img !== null && img.complete && img.naturalWidth > 0;
  return {
    id: button.id,
    src: img?.getAttribute('src') ?? '',
    srcSet: img?.getAttribute('srcset') ?? undefined,
    preview: loaded ? img.currentSrc : undefined,
    alt: img?.alt ?? '',
    caption: button.dataset.caption,
    width: Number(button.dataset.width) || (loaded ? img.naturalWidth : 16),
    height: Number(button.dataset.height) || (loaded ? img.naturalHeight : 9),
    failed: button.querySelector('.img-frame[data-failed]') !== null,
  };
}

/** The image's own gallery in page order, or the image alone. */
function viewOf(button: HTMLElement): View {
  const gallery = button.closest('[data-gallery]');
  const buttons = gallery ? Array.from(gallery.querySelectorAll<HTMLElement>(TRIGGER)) : [button];
  return { slides: buttons.map(toSlide), index: Math.max(0, buttons.indexOf(button)) };
}

function triggerFor(hash: string): HTMLElement | null {
  let id = '';
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return null;
  }
  const element = id ? document.getElementById(id) : null;
  return element?.matches(TRIGGER) ? element : null;
}

// History entries keep Next's own state (spread in) so its router restores them instead of reloading the page.
function writeHash(id: string | undefined, mode: 'push' | 'replace') {
  const url = id ? `#${id}` : `${location.pathname}${location.search}`;
  const state = { ...history.state, lightbox: id };
  if (mode === 'push') history.pushState(state, '', url);
  else history.replaceState(state, '', url);
}

export function Lightbox() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const lastSwipe = useRef(-Infinity);
  const pointer = useRef<{ id: number; x: number; y: number } | null>(null);
  /** The dialog was closed by Back: its close event, which comes later, has nothing left to do. */
  const closedByHistory = useRef(false);
  const [view, setView] = useState<View | null>(null);
  const slide = view?.slides[view.index];
  const count = view?.slides.length ?? 0;

  const open = useCallback((button: HTMLElement, push: boolean) => {
    if (!dialog.current?.open) opener.current = button;
    setView(viewOf(button));
    if (push) writeHash(button.id, 'push');
  }, []);

  const go = (delta: number) => {
    if (!view || view.slides.length < 2) return;
    const index = (view.index + delta + view.slides.length) % view.slides.length;
    setView({ ...view, index });
    // Moving between images replaces the entry, so Back still closes the viewer in one step.
    writeHash(view.slides[index]!.id, 'replace');
  };

  const close = () => dialog.current?.close();

  /** What closing leaves behind, whatever closed the viewer. */
  const cleanUp = useCallback(() => {
    document.documentElement.classList.remove('scroll-locked');
    setView(null);
    opener.current?.focus();
    opener.current = null;
  }, []);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>(TRIGGER) : null;
      if (!button) return;
      event.preventDefault();
      open(button, true);
    };
    // Back, Forward and links to an image's fragment all arrive here.
    const onHistory = () => {
      const button = triggerFor(location.hash);
      if (button) {
        open(button, false);
      } else if (dialog.current?.open) {
        // Cleaned up now rather than in the close event, which the browser fires as a later task: Back then
        // Forward, quickly, has the viewer open again by then, and that event would close it and step back.
        closedByHistory.current = true;
        dialog.current.close();
        cleanUp();
      }
    };
    document.addEventListener('click', onClick);
    window.addEventListener('popstate', onHistory);
    window.addEventListener('hashchange', onHistory);
    // An image tapped before this script ran, or a shared link to one image: open it over a history entry of
    // its own, so Back closes it. Deferred until Next's router has finished hydrating and owns the history.
    const queued = window[LIGHTBOX_QUEUE]?.at(-1);
    window[LIGHTBOX_QUEUE] = undefined;
    const deepLink = setTimeout(() => {
      const early = queued ? document.getElementById(queued) : null;
      const linked = early?.matches(TRIGGER) ? early : triggerFor(location.hash);
      if (!linked) return;
      if (!early) writeHash(undefined, 'replace');
      open(linked, true);
    }, 0);
    return () => {
      clearTimeout(deepLink);
      document.removeEventListener('click', onClick);
      window.removeEventListener('popstate', onHistory);
      window.removeEventListener('hashchange', onHistory);
    };
  }, [open, cleanUp]);

  useEffect(() => {
    const element = dialog.current;
    if (!view || !element || element.open) return;
    element.showModal();
    document.documentElement.classList.add('scroll-locked');
    element.querySelector<HTMLElement>('.lightbox-close')?.focus();
  }, [view]);

  // Fetch the neighbours now, so the next image is there when a reader moves to it.
  useEffect(() => {
    if (!view || view.slides.length < 2) return;
    for (const delta of [1, -1]) {
      const next = view.slides[(view.index + delta + view.slides.length) % view.slides.length]!;
      const image = new Image();
      image.sizes = '100vw';
      if (next.srcSet) image.srcset = next.srcSet;
      image.src = next.src;
    }
  }, [view]);

  // Escape, the close button and a backdrop click end in the dialog's close event; Back was handled above.
  const onClose = () => {
    if (closedByHistory.current) {
      closedByHistory.current = false;
      return;
    }
    cleanUp();
    if (history.state?.lightbox) history.back();
    else if (triggerFor(location.hash)) writeHash(undefined, 'replace');
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      go(event.key === 'ArrowRight' ? 1 : -1);
    } else if (event.key === 'Tab') {
      // The page behind is inert, but Tab could still leave for the browser's own controls.
      const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('button'));
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  const onClick = (event: React.MouseEvent<HTMLDialogElement>) => {
    if (event.timeStamp - lastSwipe.current < 400) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target && !target.closest('.img-frame, button, figcaption')) close();
  };

  const onPointerDown = (event: React.PointerEvent) => {
    if (event.isPrimary) pointer.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
  };
  const onPointerUp = (event: React.PointerEvent) => {
    const start = pointer.current;
    pointer.current = null;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    lastSwipe.current = event.timeStamp;
    go(dx < 0 ? 1 : -1);
  };

  const label = slide ? slide.caption || slide.alt || 'Image' : 'Image';
  return (
    // The native <dialog> already has role "dialog"; it is spelled out for tools that look for the attribute.
    <dialog
      ref={dialog}
      className="lightbox"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lightbox-caption"
      onClose={onClose}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        pointer.current = null;
      }}
    >
      {slide ? (
        <>
          <div className="lightbox-bar">
            <p className="lightbox-count">
              {view.index + 1} of {count}
            </p>
            <button type="button" className="lightbox-button lightbox-close" onClick={close} aria-label="Close">
              <Icon d="M6 6l12 12M18 6L6 18" />
            </button>
          </div>
          <figure className="lightbox-stage">
            <span
              key={slide.id}
              className="img-frame lightbox-frame"
              data-alt={slide.alt}
              data-failed={slide.failed ? '' : undefined}
              style={{
                aspectRatio: `${slide.width} / ${slide.height}`,
                // As wide as fits, and no taller than the screen leaves beside the bar and the caption.
                width: `min(100%, calc((100dvh - var(--lightbox-chrome)) * ${(slide.width / slide.height).toFixed(4)}))`,
                backgroundImage: slide.preview && !slide.failed ? `url("${slide.preview}")` : undefined,
              }}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- shows the thumbnail's own srcset, chosen again for the full screen */}
              <img src={slide.src} srcSet={slide.srcSet} sizes="100vw" alt={slide.alt} decoding="async" draggable={false} />
            </span>
            <figcaption id="lightbox-caption" className="lightbox-caption">
              {label}
            </figcaption>
          </figure>
          <p className="sr-only" aria-live="polite">
            {`Image ${view.index + 1} of ${count}`}
          </p>
          {count > 1 ? (
            <>
              <button type="button" className="lightbox-button lightbox-prev" onClick={() => go(-1)} aria-label="Previous image">
                <Icon d="M15 5l-7 7 7 7" />
              </button>
              <button type="button" className="lightbox-button lightbox-next" onClick={() => go(1)} aria-label="Next image">
                <Icon d="M9 5l7 7-7 7" />
              </button>
            </>
          ) : null}
        </>
      ) : null}
    </dialog>
  );
}

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}
