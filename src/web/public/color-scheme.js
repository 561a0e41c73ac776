// Sets the colour scheme before React starts, so a dark-mode user never sees a white flash.
// The key and attribute are the ones Mantine's colour-scheme manager reads and writes.
(() => {
  try {
    const saved = window.localStorage.getItem('tandem-color-scheme');
    const wanted = saved === 'light' || saved === 'dark' ? saved : 'auto';
    const isDark =
      wanted === 'dark' || (wanted === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.setAttribute('data-mantine-color-scheme', isDark ? 'dark' : 'light');
  } catch {
    document.documentElement.setAttribute('data-mantine-color-scheme', 'light');
  }
})();
