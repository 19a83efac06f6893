import { actionTable, ticketActionTypes } from '../../../../shared/domain/actions';
import { modKey } from './Composer';
import { Modal } from '../../ui/Modal';

export const shortcuts: [string, string][] = [
  ['j / k', 'Next / previous ticket'],
  ...ticketActionTypes.flatMap((a): [string, string][] => {
    const { shortcut, label } = actionTable[a];
    return shortcut ? [[shortcut, label.en]] : [];
  }),
  [`${modKey}+Enter`, 'Send the reply or note'],
  [`${modKey}+Shift+M`, 'Insert a macro (in the composer)'],
  [`${modKey}+K`, 'Command palette: every action'],
  ['?', 'This sheet'],
  ['Esc', 'Close a dialog or leave the composer'],
];

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="shortcut-sheet">
      <dl className="shortcut-sheet__list">
        {shortcuts.map(([keys, what]) => (
          <div key={keys} className="shortcut-sheet__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </Modal>
  );
}
