import type { Settings } from '../../../shared/settings';

/** Puts the resolved theme on <html data-theme>, following the OS while the setting is "system". */
export function applyTheme(theme: Settings['theme']): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const dark = theme === 'dark' || (theme === 'system' && media.matches);
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  };
  apply();
  if (theme !== 'system') return () => undefined;
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
