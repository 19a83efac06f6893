import { BookOpen, Inbox, MessagesSquare, Settings, Wallet, type LucideIcon } from 'lucide-react';
import { useT } from '../../i18n/useT';
import { useNav, views, type ViewId } from './navStore';

const icons: Record<ViewId, LucideIcon> = {
  feed: Inbox,
  tickets: MessagesSquare,
  kb: BookOpen,
  earnings: Wallet,
  settings: Settings,
};

export function Sidebar() {
  const { view, go } = useNav();
  const t = useT();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {views.map((item) => {
          const Icon = icons[item.id];
          return (
            <li key={item.id}>
              <button
                type="button"
                className="sidebar__item"
                aria-current={view === item.id ? 'page' : undefined}
                onClick={() => go(item.id)}
                title={t('nav.itemTitle', { label: t(item.label), shortcut: item.shortcut })}
              >
                <Icon className="icon" aria-hidden="true" size={18} strokeWidth={2} />
                <span className="sidebar__label">{t(item.label)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
