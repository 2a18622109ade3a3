// Runs in <head> before first paint: applies the stored or system theme (no flash of the wrong theme) and
// marks images that fail to load, which happens before React could attach any handler.
export const BOOT_SCRIPT = `(() => {
  try {
    var stored = localStorage.getItem('theme');
    var dark = stored ? stored === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  } catch (e) {}
  document.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target.tagName === 'IMG') {
      var frame = target.closest('.img-frame');
      if (frame) frame.setAttribute('data-failed', '');
    }
  }, true);
})();`;
