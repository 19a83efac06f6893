import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/core/i18n/translate';
import { signInFailure } from '../../../src/core/session/session';
import { HttpError, NetworkError, type NetworkFailure } from '../../../src/core/sync/client';
import {
  because,
  connectionReason,
  failureReason,
  refusalReason,
  type LocalRefusal,
} from '../../../src/core/sync/reasons';
import type { TextRef } from '../../../src/shared/i18n/catalogs';
import { ActionRefusalCode, ActionStatus } from '../../../src/shared/protocol';
import { expectNoEnglish } from '../../support/noEnglish';

/**
 * Every reason core puts into a notice or a sync status is a message of its own, worded in the
 * advocate's language: the server's and the socket's English never reach the words.
 */
const languages = ['ja', 'ar'] as const;
const subject = '配送先の変更';
const server = '127.0.0.1:4010';
const serverEnglish = 'another advocate holds this task';

const codes: (ActionRefusalCode | LocalRefusal)[] = [
  ...ActionRefusalCode.options,
  'tooLarge',
  'invalid',
];
const kinds: NetworkFailure[] = ['dns', 'refused', 'tls', 'timeout', 'unreachable', 'unreadable'];
const failures: unknown[] = [
  ...kinds.map((kind) => new NetworkError(`connect ECONNREFUSED (${kind})`, kind)),
  new HttpError(503, 'internal', 'Service Unavailable: upstream down', null),
  new HttpError(429, 'rate_limited', 'Too many requests', 5000),
  new HttpError(200, 'bad_response', 'Unexpected answer from the server to GET /v1/sync.', null),
  new HttpError(403, 'forbidden', 'you may not', null),
  new Error('SQLITE_BUSY: database is locked'),
];

const refusedNotice = (status: ActionStatus, code?: string): TextRef => ({
  id: 'notice.actionRefused',
  values: because(
    refusalReason({ status, code, values: { minTier: 3, tier: 1, status: 'resolved' } }),
    { hasSubject: 'yes', subject, type: 'reply', kept: 'yes' },
  ),
});

describe('reasons in notices and sync statuses', () => {
  for (const lang of languages) {
    it(`words each refusal code of an action in ${lang}, by its own message`, () => {
      const seen = new Set<string>();
      for (const code of codes) {
        const text = refusedNotice('rejected', code);
        const worded = translate(lang, text);
        expectNoEnglish(worded, [subject]);
        // The code's own message, not the generic one.
        expect(worded).toContain(
          translate(lang, { id: text.values['reason'] as never, values: text.values }),
        );
        expect(text.values['reason']).not.toMatch(/^reason\.(refused|conflict|unknown)$/);
        seen.add(worded);
      }
      expect(seen.size).toBe(codes.length);
    });

    it(`words an unknown or missing code in ${lang} as the generic reason of its status`, () => {
      for (const status of ['conflict', 'rejected'] as const) {
        for (const code of [undefined, 'aCodeFromANewerServer', 'toString', '__proto__']) {
          const text = refusedNotice(status, code);
          expect(text.values['reason']).toBe(
            status === 'conflict' ? 'reason.conflict' : 'reason.refused',
          );
          expectNoEnglish(translate(lang, text), [subject]);
        }
      }
    });

    it(`words each failure in every status and the parked notice in ${lang}`, () => {
      for (const error of failures) {
        const reason = failureReason(error, server);
        const texts: TextRef[] = [
          ...(['sync.offline', 'sync.serverProblem'] as const).map((id) => ({
            id,
            values: because(reason, { seconds: 4 }),
          })),
          ...(['sync.failed', 'sync.couldNotStart'] as const).map((id) => ({
            id,
            values: because(reason, {}),
          })),
          {
            id: 'notice.parked',
            values: because(reason, { hasSubject: 'yes', subject, action: 'reply', failures: 5 }),
          },
        ];
        for (const text of texts) {
          const worded = translate(lang, text);
          expectNoEnglish(worded, [subject, server]);
          expect(worded).toContain(translate(lang, reason));
        }
      }
    });
  }

  it('keeps the English only in the log wording', () => {
    const notice = refusedNotice('conflict', 'heldByOther');
    expect(translate('en', notice)).toContain('Another advocate holds this task.');
    expect(JSON.stringify(notice.values)).not.toContain(serverEnglish);
  });

  it('says a failure with the one mapping sign-in uses', () => {
    for (const error of failures) {
      const reason = connectionReason(error, server);
      if (!(error instanceof NetworkError)) continue;
      expect(signInFailure(error, `http://${server}`).text).toEqual(reason);
    }
    const wrongShape = failures.find((e) => e instanceof HttpError && e.code === 'bad_response');
    expect(signInFailure(wrongShape, `http://${server}`).text).toEqual(
      connectionReason(wrongShape, server),
    );
  });
});
