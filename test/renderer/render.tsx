/**
 * Testing Library's `render`, inside the app's real I18nProvider (the language and zone come
 * from the settings store as in the app; with no settings, the browser's: English). Renderer
 * tests import `render` and `screen` from here.
 */
import { render as rtlRender, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../src/renderer/src/i18n/I18nProvider';

export * from '@testing-library/react';

export function render(ui: ReactElement, options?: Omit<RenderOptions, 'wrapper'>) {
  return rtlRender(ui, { wrapper: I18nProvider, ...options });
}
