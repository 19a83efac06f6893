import { useT } from '../../i18n/useT';
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
  const t = useT();
  return (
    <Modal title={t('macros.title')} onClose={onClose} className="picker">
      <PickerList
        items={macros}
        filter={filterMacros}
        idOf={(m) => m.id}
        inputLabel={t('macros.input')}
        listLabel={t('composer.macros')}
        placeholder={t('macros.placeholder')}
        empty={t(macros.length === 0 ? 'macros.none' : 'macros.noMatch')}
        onChoose={onPick}
        render={(m) => (
          <>
            <span className="picker__title" dir="auto">
              {m.title}
            </span>
            <span className="picker__preview muted" dir="auto">
              {m.body.replace(/\s+/g, ' ').slice(0, 120)}
            </span>
          </>
        )}
      />
    </Modal>
  );
}
