/** Light or dark: CSS variables in styles.css follow `data-theme` on <html>, charts their echarts theme. */
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'growthbench-theme';

/**
 * The theme the page starts with: the one the user chose last time, else the system's. It
 * is a preference of the reader, not part of what a link reproduces, so it is not in the URL.
 */
export function initialTheme(): Theme {
  if (typeof window === 'undefined') return 'light';
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage can be disabled (private mode, sandboxed frames): fall back to the system.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Puts the theme on the document. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

/** Remembers a theme the user chose (until then the page follows the system's). */
export function saveTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}

/** The echarts theme registered for each page theme (src/charts/echarts.ts). */
export const CHART_THEME: Record<Theme, string> = { light: 'growthbench-light', dark: 'growthbench-dark' };
