import { useT } from '../../i18n/useT';
import { useNav, views } from './navStore';

export function Sidebar() {
  const { view, go } = useNav();
  const t = useT();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {views.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={view === item.id ? 'page' : undefined}
              onClick={() => go(item.id)}
              title={t('nav.itemTitle', { label: t(item.label), shortcut: item.shortcut })}
            >
              <span className={`icon icon--${item.id}`} aria-hidden="true" />
              <span className="sidebar__label">{t(item.label)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
