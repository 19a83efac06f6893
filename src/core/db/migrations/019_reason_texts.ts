import type { Migration } from '../migrations';

/**
 * The "Not sent" tray words why in the advocate's language (issue 19): a refused text keeps its
 * reason's message id and figures (`reason_text`, a TextRef as JSON) beside the server's English
 * (`reason`, for the detail), and an outbox row its last failure's (`last_error_text`). Rows kept
 * before this have none and show the generic reason; nothing already stored is changed.
 */
export const m019ReasonTexts: Migration = {
  version: 19,
  name: 'reason_texts',
  up(db) {
    db.exec(`
      ALTER TABLE unsent ADD COLUMN reason_text TEXT;
      ALTER TABLE outbox ADD COLUMN last_error_text TEXT;
    `);
  },
};
