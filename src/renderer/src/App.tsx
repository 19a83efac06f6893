import { useEffect } from 'react';
import { Shell } from './components/Shell';
import { useSession } from './stores/sessionStore';
import { useSync } from './stores/syncStore';
import { FirstRun } from './views/FirstRun';
import { onEvent } from './api';

export function App() {
  const { status, exploring, load } = useSession();
  const listen = useSync((s) => s.listen);
  useEffect(() => listen(), [listen]);
  useEffect(() => {
    void load();
    return onEvent('session:changed', () => void load());
  }, [load]);

  if (status === null) {
    return (
      <div className="splash" role="status">
        Opening Gigdesk…
      </div>
    );
  }
  if (status.state === 'signed_out' && !exploring) return <FirstRun />;
  return <Shell />;
}
