import { useEffect, useState } from 'react';
import type { LadderPanel } from '../../../../shared/contract/trust';
import { errorInfo, invoke } from '../../api';
import { useFormat, type Formatters } from '../../i18n/format';
import { useT, type ShownText } from '../../i18n/useT';
import { ServerAnswerNotes } from './ServerAnswerNotes';
import { SettingsSection } from './SettingsSection';

type Standing = LadderPanel['brands'][number];
type Criterion = NonNullable<Standing['next']>['criteria'][number];

/** One criterion as a sentence: "14/20 resolved cases", "4.6★ over your last 5 ratings (4.5★ needed)". */
function criterionText(c: Criterion, t: ReturnType<typeof useT>, f: Formatters): string {
  const stars = (tenths: number) => f.number(tenths / 10, { minimumFractionDigits: 1 });
  switch (c.kind) {
    case 'resolved':
      return t('ladder.criterion.resolved', { have: c.have, need: c.need });
    case 'rating':
      return c.haveTenths === null
        ? t('ladder.criterion.ratingNone', { need: stars(c.needTenths) })
        : t('ladder.criterion.rating', {
            have: stars(c.haveTenths),
            need: stars(c.needTenths),
            rated: c.rated,
          });
    case 'reopen_rate':
      return t('ladder.criterion.reopenRate', {
        have: f.percent(c.haveBps / 10_000),
        max: f.percent(c.maxBps / 10_000),
      });
    case 'certification':
      return t('ladder.criterion.certification', { skill: c.skill });
    case 'tenure':
      return t('ladder.criterion.tenure', { have: c.haveDays, need: c.needDays });
  }
}

function CriteriaList({ criteria, label }: { criteria: Criterion[]; label: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <ul className="ladder__criteria" aria-label={label}>
      {criteria.map((c, i) => (
        <li
          key={i}
          className={c.met ? 'ladder__criterion ladder__criterion--met' : 'ladder__criterion'}
        >
          <span aria-hidden="true">{c.met ? '✓' : '○'}</span>{' '}
          <span className="visually-hidden">
            {t(c.met ? 'ladder.criterion.met' : 'ladder.criterion.notMet')}{' '}
          </span>
          {criterionText(c, t, f)}
        </li>
      ))}
    </ul>
  );
}

/** Settings › Your tier: where the advocate stands on each brand's ladder and what comes next. */
export function LadderSettings() {
  const t = useT();
  const [panel, setPanel] = useState<LadderPanel | null>(null);
  const [error, setError] = useState<ShownText | null>(null);
  useEffect(() => {
    let live = true;
    invoke('trust:ladder', {})
      .then((p) => live && setPanel(p))
      .catch((e: unknown) => live && setError(errorInfo(e)));
    return () => {
      live = false;
    };
  }, []);
  return (
    <SettingsSection
      title={t('ladder.title')}
      className="ladder"
      description={t('ladder.description')}
    >
      <ServerAnswerNotes
        error={error}
        panel={panel}
        empty={panel?.brands.length === 0}
        texts={{
          offline: 'ladder.offline',
          offlineNever: 'ladder.offlineNever',
          none: 'ladder.none',
        }}
      />
      {panel?.brands.map((b) => (
        <div key={b.brandId} className="ladder__brand">
          <h3 className="ladder__heading">
            {t('ladder.tierAt', { brand: b.brandName, tier: b.tier })}
          </h3>
          {b.unlocked.length > 0 ? (
            <p>{t('ladder.unlocked', { what: b.unlocked.join(', ') })}</p>
          ) : null}
          {b.atRisk.length > 0 ? (
            <CriteriaList criteria={b.atRisk} label={t('ladder.atRisk')} />
          ) : null}
          {b.next ? (
            <>
              <p className="ladder__next">
                {t('ladder.next', { tier: b.next.tier })}
                {b.next.unlocks.length > 0
                  ? ` ${t('ladder.nextUnlocks', { what: b.next.unlocks.join(', ') })}`
                  : ''}
              </p>
              <CriteriaList
                criteria={b.next.criteria}
                label={t('ladder.next', { tier: b.next.tier })}
              />
            </>
          ) : (
            <p className="muted">{t('ladder.top')}</p>
          )}
        </div>
      ))}
    </SettingsSection>
  );
}
