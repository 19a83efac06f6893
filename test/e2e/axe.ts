import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

interface AxeWindow {
  axe?: {
    run: (
      context: unknown,
      options?: unknown,
    ) => Promise<{
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    }>;
  };
}

/**
 * Loads axe-core into the page. The app's CSP forbids inline scripts (what `addScriptTag({ path })`
 * makes), so axe is served from the app's own origin instead; the CSP stays as shipped.
 */
export async function loadAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => Boolean((window as AxeWindow).axe))) return;
  const axeUrl = new URL('/__axe.min.js', page.url()).href;
  await page.route(axeUrl, (route) =>
    route.fulfill({
      path: resolve(__dirname, '../../node_modules/axe-core/axe.min.js'),
      contentType: 'text/javascript',
    }),
  );
  await page.addScriptTag({ url: axeUrl });
}

/** The serious and critical axe violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await loadAxe(page);
  return page.evaluate(async () => {
    const result = await (window as AxeWindow).axe!.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => {
        const where = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
        const more = v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : '';
        return `${v.id}: ${where.join(', ')}${more}`;
      });
  });
}
