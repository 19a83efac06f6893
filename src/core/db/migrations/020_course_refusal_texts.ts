import type { Migration } from '../migrations';

/**
 * A quiz attempt the server refused keeps its reason's message id and figures (`reason_text`, a
 * TextRef as JSON) beside the server's English (`reason`), so the app says why in the advocate's
 * language (issue 19). Attempts refused before this have none and show the generic refusal.
 */
export const m020CourseRefusalTexts: Migration = {
  version: 20,
  name: 'course_refusal_texts',
  up(db) {
    db.exec('ALTER TABLE course_attempts ADD COLUMN reason_text TEXT;');
  },
};
