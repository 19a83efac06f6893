import { useSyncExternalStore } from 'react';

/**
 * The window width below which the layout is compact: the sidebar shows icons only and the
 * ticket's knowledge-base panel becomes a drawer. The stylesheets use the same number in their
 * `@media (max-width: 1100px)` rules.
 */
export const COMPACT_QUERY = '(max-width: 1100px)';

/** Whether a media query matches now, following it as the window changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
