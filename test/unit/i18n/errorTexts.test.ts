import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import { refusal } from '../../../src/core/i18n/refusal';
import { errorText } from '../../../src/renderer/src/i18n/errorText';
import { canPerform, type LifecycleTask } from '../../../src/shared/domain/lifecycle';
import { coreCatalogs } from '../../../src/shared/i18n/catalogs';
import { ERROR_CODES, codeText, type ErrorInfo } from '../../../src/shared/result';
import type { Handlers } from '../../../src/core/handlers/types';

/**
 * Errors core returns through IPC carry a message id the renderer words in the language shown;
 * English `message` stays for logs. Every code has its own message for when nothing more precise
 * is known, and every lifecycle refusal has one.
 */
const languages = Object.keys(coreCatalogs) as (keyof typeof coreCatalogs)[];
const intlFor = (language: keyof typeof coreCatalogs) =>
  createIntl({ locale: language, defaultLocale: 'en', messages: coreCatalogs[language] });

const now = 1_000_000;
const open: LifecycleTask = {
  status: 'open',
  holderId: null,
  leaseExpiresAt: null,
  offeredTo: null,
  offerExpiresAt: null,
  minTier: 0,
};
const held = (id: string, until: number): LifecycleTask => ({
  ...open,
  status: 'claimed',
  holderId: id,
  leaseExpiresAt: until,
});

describe('error texts', () => {
  it('every code core can return has a message in every catalog', () => {
    for (const code of ERROR_CODES) {
      for (const language of languages) {
        expect(
          Object.hasOwn(coreCatalogs[language], codeText(code).id),
          `${language}: ${code}`,
        ).toBe(true);
      }
    }
  });

  it('every lifecycle refusal has a message, worded with its figures', () => {
    const refusals = [
      canPerform({ ...open, minTier: 2 }, 'a', 'claim', { now, tier: 1 }),
      canPerform({ ...open, status: 'resolved' }, 'a', 'reply', { now }),
      canPerform(open, 'a', 'accept', { now }),
      canPerform(held('b', now + 1), 'a', 'claim', { now }),
      canPerform({ ...open, offeredTo: 'b', offerExpiresAt: now + 1 }, 'a', 'claim', { now }),
      canPerform(held('a', now), 'a', 'reply', { now }),
      canPerform(held('b', now + 1), 'a', 'reply', { now }),
      canPerform(open, 'a', 'reply', { now }),
    ];
    const whys = new Set<string>();
    for (const decision of refusals) {
      if (decision.ok) throw new Error('expected a refusal');
      whys.add(decision.why);
      const error = refusal(decision.outcome, `error.lifecycle.${decision.why}`, decision.values);
      // The English message is the server's reason, worded as a sentence.
      expect(error.message.toLowerCase()).toBe(`${decision.reason}.`);
      for (const language of languages) {
        const shown = errorText(
          { code: error.code, message: error.message, text: error.text },
          intlFor(language),
        );
        expect(shown).not.toMatch(/[{}]|^error\./);
        if (language !== 'en') expect(shown, language).not.toBe(error.message);
      }
    }
    expect(whys.size).toBe(refusals.length);
    const tier = refusal('rejected', 'error.lifecycle.tier', { minTier: 2, tier: 1 });
    expect(
      errorText({ code: tier.code, message: tier.message, text: tier.text }, intlFor('de')),
    ).toBe('Diese Aufgabe erfordert Vertrauensstufe 2; deine ist 1.');
  });

  it('a refusal crosses dispatch with its id and values, and the renderer words it', async () => {
    const handlers = {
      'kb:article': () => {
        throw refusal('not_found', 'error.article.gone');
      },
      'app:diagnostics': () => {
        throw new Error('disk on fire');
      },
    } as unknown as Handlers;
    const gone = await dispatch(handlers, 'kb:article', { id: 'a1' });
    expect(gone).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'This article is no longer in the knowledge base.',
        text: { id: 'error.article.gone', values: {} },
      },
    });
    if (gone.ok) return;
    expect(errorText(gone.error, intlFor('ja'))).toBe('この記事はナレッジベースにもうありません。');
    // Before the app has a language, core's English.
    expect(errorText(gone.error, null)).toBe(gone.error.message);

    // An unexpected failure: its code's own message, never the thrown text.
    const broken = await dispatch(handlers, 'app:diagnostics', undefined);
    if (broken.ok) throw new Error('expected a failure');
    expect(broken.error.text.id).toBe('error.code.internal');
    expect(errorText(broken.error, intlFor('es'))).toBe(coreCatalogs.es['error.code.internal']);
    expect(errorText(broken.error, intlFor('es'))).not.toContain('disk on fire');
  });

  it('an id this build does not know falls back to its code’s message', () => {
    const info = {
      code: 'offline' as const,
      message: 'Gone.',
      text: { id: 'error.fromTheFuture', values: {} },
    };
    expect(errorText(info as never, intlFor('ar'))).toBe(coreCatalogs.ar['error.code.offline']);
  });

  it('core builds every refusal through refusal() (an AppError made elsewhere carries bare English)', () => {
    const root = resolve(__dirname, '../../../src/core');
    const made = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /new AppError\(/.test(readFileSync(join(root, f), 'utf8')))
      .map((f) => f.replaceAll('\\', '/'));
    expect(made).toEqual(['i18n/refusal.ts']);
  });
  it('words an error with an unknown id and code as the generic reason, never its English', () => {
    for (const language of ['ja', 'ar'] as const) {
      const info = {
        code: 'aCodeFromANewerCore',
        message: 'English from a newer core',
        text: { id: 'error.fromANewerCore', values: {} },
      } as unknown as ErrorInfo;
      expect(errorText(info, intlFor(language))).toBe(coreCatalogs[language]['reason.unknown']);
    }
  });
});
