import { useEffect } from 'react';
import { useStore } from '../state/store';
import { applyTheme, saveTheme } from '../state/theme';

/** Switches between the light and the dark theme; the page and every chart follow. */
export function ThemeToggle() {
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  useEffect(() => applyTheme(theme), [theme]);
  const dark = theme === 'dark';
  return (
    <button type="button" className="secondary theme-toggle" aria-pressed={dark} onClick={() => {
        const next = dark ? 'light' : 'dark';
        saveTheme(next);
        setTheme(next);
      }} data-testid="theme-toggle">
      Dark theme
    </button>
  );
}
