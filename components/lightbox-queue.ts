// Inline script placed after an article's images: a tap on an image before the lightbox's JavaScript has
// loaded is remembered, and the lightbox opens that image as soon as it starts, instead of the tap being lost.
export const LIGHTBOX_QUEUE = '__lightboxQueue';

export const LIGHTBOX_QUEUE_SCRIPT = `(() => {
  var queue = window.${LIGHTBOX_QUEUE} = [];
  document.addEventListener('click', function early(event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('[data-lightbox-trigger]') : null;
    if (window.${LIGHTBOX_QUEUE} !== queue) document.removeEventListener('click', early);
    else if (button) queue.push(button.id);
  });
})();`;

declare global {
  interface Window {
    [LIGHTBOX_QUEUE]?: string[];
  }
}
