import { EmptyState } from '../components/EmptyState';

export function KnowledgeBaseView() {
  return (
    <div className="view">
      <h1 className="view__title">Knowledge base</h1>
      <EmptyState title="No articles yet">
        The help-center articles of your brands are kept on this computer once you sync, so you can
        search them as you type, also offline.
      </EmptyState>
    </div>
  );
}
