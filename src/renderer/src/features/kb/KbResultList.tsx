import type { KbHit } from '../../../../shared/contract/kb';
import { formatUpdated } from './format';
import { Highlighted } from './Highlighted';
import { KbTags } from './KbBits';

interface Props {
  hits: KbHit[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  label: string;
  /** The list is its own scroll region (the KB view): reachable by keyboard. */
  scrolls?: boolean;
}

export function KbResultList({ hits, selectedId, onOpen, label, scrolls = false }: Props) {
  return (
    <ul className="kb-results" aria-label={label} tabIndex={scrolls ? 0 : undefined}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <button
            type="button"
            className="kb-result"
            aria-current={hit.id === selectedId ? 'true' : undefined}
            onClick={() => onOpen(hit.id)}
          >
            <span className="kb-result__title">
              <Highlighted text={hit.title} ranges={hit.titleHighlights} />
            </span>
            {hit.snippet ? (
              <span className="kb-result__snippet">
                <Highlighted text={hit.snippet} ranges={hit.snippetHighlights} />
              </span>
            ) : null}
            <span className="kb-result__meta">
              <KbTags tags={hit.tags} />
              <span className="kb-result__date">Updated {formatUpdated(hit.updatedAt)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
