import type { RatingsResponse } from '../../shared/protocol';
import { useT } from '../i18n/I18n';
import { canChange, useSession } from '../session';
import { FileImport } from '../ui/FileImport';
import { ratingLabel, ratingsFromFile } from './ratingsFile';

/**
 * Customer ratings imported from a file. Idempotent per case: a case that already has exactly
 * this rating is reported as such and nothing changes, so the same file may be sent again.
 */
export function Ratings() {
  const t = useT();
  const editable = canChange(useSession());
  return (
    <section aria-labelledby="ratings-title">
      <h1 id="ratings-title">{t('nav.ratings')}</h1>
      <p>{t('ratings.intro')}</p>
      <pre className="diff" aria-label={t('ratings.example')}>
        {'externalRef,score,comment,tipMinor\nORD-1042,5,Quick and kind,200\nORD-1043,3,,'}
      </pre>
      {editable ? (
        <FileImport<RatingsResponse>
          label={t('ratings.file')}
          accept=".csv,.json,.ndjson,text/csv,application/json"
          path="/v1/admin/ratings"
          parse={ratingsFromFile}
          summary={(r) => t('ratings.imported', { rated: r.rated, unchanged: r.unchanged })}
          items={(r, sent) =>
            r.results.map((x) => ({
              index: x.index,
              label: ratingLabel(sent[x.index]),
              outcome: t(x.result === 'rated' ? 'ratings.applied' : 'ratings.alreadyHad'),
            }))
          }
        />
      ) : (
        <p className="muted">{t('ratings.readOnly')}</p>
      )}
    </section>
  );
}
