import type { ComponentType } from 'react';
import { useT } from './i18n/I18n';
import type { MessageId } from './i18n/locales';
import { Accounts } from './pages/Accounts';
import { Advocates } from './pages/Advocates';
import { ArticleFeedback } from './pages/ArticleFeedback';
import { Audit } from './pages/Audit';
import { Content } from './pages/Content';
import { Escalations } from './pages/Escalations';
import { Fallback } from './pages/Fallback';
import { Ladder } from './pages/Ladder';
import { Overview } from './pages/Overview';
import { PayoutRules } from './pages/PayoutRules';
import { Ratings } from './pages/Ratings';
import { Payouts } from './pages/Payouts';
import { Promotions } from './pages/Promotions';
import { Tasks } from './pages/Tasks';
import { Webhooks } from './pages/Webhooks';
import { type PageName, pages } from './route';
import { isOwner, useSession } from './session';
import { LanguagePicker } from './ui/LanguagePicker';

const views: Record<PageName, ComponentType> = {
  overview: Overview,
  advocates: Advocates,
  promotions: Promotions,
  ladder: Ladder,
  tasks: Tasks,
  fallback: Fallback,
  content: Content,
  ratings: Ratings,
  escalations: Escalations,
  payouts: Payouts,
  rules: PayoutRules,
  webhooks: Webhooks,
  articleFeedback: ArticleFeedback,
  audit: Audit,
  accounts: Accounts,
};

/** Pages only owners may open (the server refuses the others, too). */
const ownerOnly: PageName[] = ['accounts'];

export function Shell({ page, onSignOut }: { page: PageName; onSignOut: () => void }) {
  const t = useT();
  const session = useSession();
  const shown = pages.filter((p) => isOwner(session) || !ownerOnly.includes(p));
  const current = shown.includes(page) ? page : 'overview';
  const View = views[current];
  return (
    <div className="shell">
      <header className="top">
        <span className="brand">{session.brand.name}</span>
        <span className="muted">
          {session.account.email} · {t(`role.${session.account.role}` as MessageId)}
        </span>
        <LanguagePicker />
        <button type="button" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </header>
      <nav aria-label={t('app.navigation')}>
        <ul>
          {shown.map((p) => (
            <li key={p}>
              <a href={`#/${p}`} aria-current={p === current ? 'page' : undefined}>
                {t(`nav.${p}` as MessageId)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="content">
        <View />
      </main>
    </div>
  );
}
