import type { MessageId } from '../../i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useShownText, useT, type ShownText } from '../../i18n/useT';

interface Props {
  error: ShownText | null;
  /** The panel as last answered: `offline` = the server was not reached just now. */
  panel: { offline: boolean; fetchedAt: number | null } | null;
  /** Whether the answer holds nothing to show. */
  empty: boolean;
  texts: { offline: MessageId; offlineNever: MessageId; none: MessageId };
}

/**
 * The lines above a Settings panel that shows the server's last answer kept on this device: an
 * error, "offline, as of …" (or "once the app reaches the server"), or "nothing yet".
 */
export function ServerAnswerNotes({ error, panel, empty, texts }: Props) {
  const t = useT();
  const shown = useShownText();
  const f = useFormat();
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {shown(error)}
        </p>
      ) : null}
      {panel?.offline ? (
        <p className="banner banner--warning" role="note">
          {panel.fetchedAt === null
            ? t(texts.offlineNever)
            : t(texts.offline, { at: f.dateTime(panel.fetchedAt) })}
        </p>
      ) : null}
      {panel && empty && !panel.offline ? <p className="muted">{t(texts.none)}</p> : null}
    </>
  );
}
