import { actionTable, ticketActionTypes } from '../../../../shared/domain/actions';
import { modKey } from './Composer';
import type { MessageId } from '../../i18n/catalogs';
import { useT } from '../../i18n/useT';
import { Modal } from '../../ui/Modal';

export const shortcuts: [string, MessageId][] = [
  ['j / k', 'shortcuts.move'],
  ...ticketActionTypes.flatMap((a): [string, MessageId][] => {
    const { shortcut, label } = actionTable[a];
    return shortcut ? [[shortcut, label.key as MessageId]] : [];
  }),
  [`${modKey}+Enter`, 'shortcuts.send'],
  [`${modKey}+Shift+M`, 'shortcuts.macro'],
  [`${modKey}+K`, 'shortcuts.palette'],
  ['?', 'shortcuts.sheet'],
  ['Esc', 'shortcuts.escape'],
];

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose} className="shortcut-sheet">
      <dl className="shortcut-sheet__list">
        {shortcuts.map(([keys, what]) => (
          <div key={keys} className="shortcut-sheet__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </Modal>
  );
}
