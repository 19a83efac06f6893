import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { DraftKind, Macro, Ticket } from '../../../../shared/contract/tickets';
import { unfilledPlaceholders } from '../../../../shared/domain/macros';
import { isTerminal } from '../../../../shared/domain/lifecycle';
import { shortcutOf } from '../../../../shared/domain/shortcuts';
import type { MessageId } from '../../i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useShownText, useT, type ShownText } from '../../i18n/useT';
import { MacroPicker } from './MacroPicker';

export interface ComposerApi {
  /** Puts `text` at the caret of the current mode's text and focuses it. */
  insert: (text: string) => void;
  /**
   * Puts a macro into the reply (switching to it) and sends it with the reply: at the caret when
   * the reply is showing, else after what is already written; never over a selection.
   */
  insertMacro: (macro: { id: string; body: string }) => void;
  focus: (mode: DraftKind) => void;
  openMacros: () => void;
}

interface Props {
  ticket: Ticket;
  macros: Macro[];
  canReply: boolean;
  canNote: boolean;
  apiRef: MutableRefObject<ComposerApi | null>;
  saveDraft: (taskId: string, kind: DraftKind, body: string) => Promise<void>;
  send: (kind: DraftKind, body: string, macroId?: string) => Promise<ShownText | null>;
  /** While offline, a sent reply waits in the outbox; the composer says so. */
  offline: boolean;
}

export const DRAFT_SAVE_MS = 400;

/**
 * Why the composer is closed: a case that is over (resolved, escalated) or with someone else is
 * not the same as one waiting to be claimed, and "claim this ticket" would be wrong for the first two.
 */
export function composerHint(ticket: Ticket): MessageId {
  if (isTerminal(ticket.status)) return 'composer.caseClosed';
  if (ticket.status === 'claimed' && ticket.holderId !== ticket.advocate.id)
    return 'composer.notYours';
  return 'composer.claimFirst';
}
const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const modKey = isMac ? '⌘' : 'Ctrl';

/** Reply / internal-note composer with drafts saved as you type (render with `key={ticket.id}`). */
export function Composer({
  ticket,
  macros,
  canReply,
  canNote,
  apiRef,
  saveDraft,
  send,
  offline,
}: Props) {
  const [mode, setMode] = useState<DraftKind>(canReply || !canNote ? 'reply' : 'note');
  const [texts, setTexts] = useState<Record<DraftKind, string>>(() => ({ ...ticket.drafts }));
  const [macroId, setMacroId] = useState<string | undefined>(undefined);
  const [picking, setPicking] = useState(false);
  const [status, setStatus] = useState<ShownText | null>(null);
  // Placeholders left unfilled are kept as names: their list is worded in the language shown.
  const [error, setError] = useState<ShownText | { placeholders: string[] } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const pending = useRef<Map<DraftKind, ReturnType<typeof setTimeout>>>(new Map());
  const latest = useRef(texts);
  latest.current = texts;
  const taskId = ticket.id;
  const t = useT();
  const shown = useShownText();
  const format = useFormat();

  // Flush unsaved drafts when the ticket changes or the view closes.
  useEffect(() => {
    const timers = pending.current;
    return () => {
      for (const [kind, timer] of timers) {
        clearTimeout(timer);
        void saveDraft(taskId, kind, latest.current[kind]);
      }
      timers.clear();
    };
  }, [taskId, saveDraft]);

  const change = (kind: DraftKind, body: string) => {
    setTexts((all) => ({ ...all, [kind]: body }));
    setError(null);
    const timers = pending.current;
    clearTimeout(timers.get(kind));
    timers.set(
      kind,
      setTimeout(() => {
        timers.delete(kind);
        void saveDraft(taskId, kind, body).then(() =>
          setStatus(body.trim() ? { id: 'composer.draftSaved' } : null),
        );
      }, DRAFT_SAVE_MS),
    );
  };

  const insert = (text: string) => {
    const el = area.current;
    const current = latest.current[mode];
    const start = el?.selectionStart ?? current.length;
    const end = el?.selectionEnd ?? current.length;
    const next = current.slice(0, start) + text + current.slice(end);
    change(mode, next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const insertMacro = ({ id, body }: { id: string; body: string }) => {
    const el = area.current;
    const current = latest.current.reply;
    const at = mode === 'reply' && el ? Math.min(el.selectionEnd, current.length) : current.length;
    const gap = at > 0 && !/\s$/.test(current.slice(0, at)) ? '\n\n' : '';
    change('reply', current.slice(0, at) + gap + body + current.slice(at));
    setMacroId(id);
    setMode('reply');
    const caret = at + gap.length + body.length;
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(caret, caret);
    });
  };

  apiRef.current = {
    insert,
    insertMacro,
    focus: (kind) => {
      setMode(kind);
      requestAnimationFrame(() => area.current?.focus());
    },
    openMacros: () => setPicking(true),
  };

  const enabled = mode === 'reply' ? canReply : canNote;
  const submit = async () => {
    const body = texts[mode];
    if (!enabled) return;
    if (body.trim() === '') {
      setError({ id: 'composer.empty', values: { mode } });
      return;
    }
    const left = mode === 'reply' ? unfilledPlaceholders(body) : [];
    if (left.length > 0) {
      setError({ placeholders: left });
      return;
    }
    clearTimeout(pending.current.get(mode));
    pending.current.delete(mode);
    const problem = await send(mode, body, mode === 'reply' ? macroId : undefined);
    if (problem) {
      setError(problem);
      return;
    }
    setTexts((all) => ({ ...all, [mode]: '' }));
    setMacroId(undefined);
    setStatus({ id: offline ? 'composer.queued' : 'composer.sent', values: { mode } });
    area.current?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === 'Enter') {
      event.preventDefault();
      void submit();
    } else if (mod && event.shiftKey && shortcutOf(event.nativeEvent)?.toLowerCase() === 'm') {
      event.preventDefault();
      setPicking(true);
    }
  };

  const label = t(mode === 'reply' ? 'action.reply.label' : 'composer.noteLabel');
  return (
    <section className={`composer composer--${mode}`} aria-label={t('composer.label')}>
      <div className="composer__tabs" role="radiogroup" aria-label={t('composer.mode')}>
        {(['reply', 'note'] as const).map((kind) => (
          <label
            key={kind}
            className={`composer__tab${mode === kind ? ' composer__tab--active' : ''}`}
          >
            <input
              type="radio"
              name={`composer-mode-${taskId}`}
              value={kind}
              checked={mode === kind}
              onChange={() => setMode(kind)}
            />
            {t(kind === 'reply' ? 'action.reply.pending' : 'composer.note')}
          </label>
        ))}
      </div>
      <textarea
        ref={area}
        className="composer__text"
        dir="auto"
        aria-label={label}
        placeholder={
          enabled
            ? mode === 'reply'
              ? t('composer.replyPlaceholder', { name: ticket.customerName, mod: modKey })
              : t('composer.notePlaceholder')
            : t(composerHint(ticket))
        }
        value={texts[mode]}
        disabled={!enabled}
        rows={4}
        onChange={(e) => change(mode, e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer__footer">
        <p className="composer__status" role="status" aria-live="polite">
          {error ? (
            <span className="form-error">
              {'placeholders' in error
                ? t('composer.placeholders', {
                    list: format.list(error.placeholders.map((p) => `{{${p}}}`)),
                  })
                : shown(error)}
            </span>
          ) : status ? (
            shown(status)
          ) : null}
        </p>
        <button
          type="button"
          className="button"
          disabled={!enabled}
          onClick={() => setPicking(true)}
        >
          {t('composer.macros')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!enabled}
          onClick={() => void submit()}
        >
          {t(mode === 'reply' ? 'composer.send' : 'composer.addNote')}
        </button>
      </div>
      {picking ? (
        <MacroPicker
          macros={macros}
          onClose={() => setPicking(false)}
          onPick={(m) => {
            setPicking(false);
            if (mode === 'reply') setMacroId(m.id);
            insert(m.body);
          }}
        />
      ) : null}
    </section>
  );
}
