import { Modal } from '../../ui/Modal';
import { PickerList } from '../../ui/PickerList';

export interface Command {
  id: string;
  label: string;
  shortcut?: string;
  disabled?: string | null;
  run: () => void;
}

const byWords = (commands: readonly Command[], query: string): Command[] => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
};

/** Every action of the ticket view by name (Ctrl/Cmd+K); disabled ones say why. */
export function CommandPalette({
  commands,
  onClose,
}: {
  commands: Command[];
  onClose: () => void;
}) {
  return (
    <Modal title="Command palette" onClose={onClose} className="picker">
      <PickerList
        items={commands}
        filter={byWords}
        idOf={(c) => c.id}
        inputLabel="Type a command"
        listLabel="Commands"
        placeholder="Type a command…"
        empty="No command matches."
        disabledReason={(c) => c.disabled}
        onChoose={(c) => {
          onClose();
          c.run();
        }}
        render={(c) => (
          <>
            <span className="picker__title">{c.label}</span>
            {c.disabled ? <span className="picker__preview muted">{c.disabled}</span> : null}
            {c.shortcut ? <kbd className="picker__kbd">{c.shortcut}</kbd> : null}
          </>
        )}
      />
    </Modal>
  );
}
