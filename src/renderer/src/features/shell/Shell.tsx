import { useEffect } from 'react';
import { shortcutOf } from '../../../../shared/domain/shortcuts';
import './shell.css';
import { useNav, views, type ViewId } from './navStore';
import { EarningsView } from '../earnings/EarningsView';
import { FeedView } from '../feed/FeedView';
import { KnowledgeBaseView } from '../kb/KnowledgeBaseView';
import { SettingsView } from '../settings/SettingsView';
import { TicketsView } from '../tickets/TicketsView';
import { Header } from './Header';
import { Sidebar } from './Sidebar';

const viewComponents: Record<ViewId, () => React.JSX.Element> = {
  feed: FeedView,
  tickets: TicketsView,
  kb: KnowledgeBaseView,
  earnings: EarningsView,
  settings: SettingsView,
};

export function Shell() {
  const { view, go } = useNav();
  useEffect(() => {
    // Alt+1..5 jumps between views from anywhere, also while typing.
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = shortcutOf(event);
      const target = views.find((v) => v.shortcut === key);
      if (target) {
        event.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
  const View = viewComponents[view];
  const label = views.find((v) => v.id === view)?.label ?? '';
  return (
    <div className="shell">
      <Header />
      <div className="shell__body">
        <Sidebar />
        <main className="shell__main" aria-label={label}>
          <View />
        </main>
      </div>
    </div>
  );
}
