import type { Macro } from '../../../../shared/contract/tickets';
import { filterMacros } from '../../../../shared/domain/macros';
import { Modal } from '../../ui/Modal';
import { PickerList } from '../../ui/PickerList';

interface Props {
  macros: Macro[];
  onPick: (macro: Macro) => void;
  onClose: () => void;
}

/** The brand's macros, filtered as you type; ↑/↓ choose, Enter inserts, Escape closes. */
export function MacroPicker({ macros, onPick, onClose }: Props) {
  return (
    <Modal title="Insert a macro" onClose={onClose} className="picker">
      <PickerList
        items={macros}
        filter={filterMacros}
        idOf={(m) => m.id}
        inputLabel="Filter macros"
        listLabel="Macros"
        placeholder="Type to filter macros…"
        empty={macros.length === 0 ? 'This brand has no macros yet.' : 'No macro matches.'}
        onChoose={onPick}
        render={(m) => (
          <>
            <span className="picker__title">{m.title}</span>
            <span className="picker__preview muted">
              {m.body.replace(/\s+/g, ' ').slice(0, 120)}
            </span>
          </>
        )}
      />
    </Modal>
  );
}
