import { useNav, views } from './navStore';

export function Sidebar() {
  const { view, go } = useNav();
  return (
    <nav className="sidebar" aria-label="Main">
      <ul>
        {views.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={view === item.id ? 'page' : undefined}
              onClick={() => go(item.id)}
              title={`${item.label} (Alt+${item.shortcut})`}
            >
              <span className={`icon icon--${item.id}`} aria-hidden="true" />
              <span className="sidebar__label">{item.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
