import type { Database } from 'better-sqlite3';
import { m001Initial } from './migrations/001_initial';
import { m002Kb } from './migrations/002_kb';
import { m003Earnings } from './migrations/003_earnings';
import { m004Sync } from './migrations/004_sync';
import { m005Tickets } from './migrations/005_tickets';
import { m006AppendOnlyLedger } from './migrations/006_append_only_ledger';
import { m007NothingLost } from './migrations/007_nothing_lost';
import { m008KbSearch } from './migrations/008_kb_search';
import { m009KbVocabRowid } from './migrations/009_kb_vocab_rowid';
import { m010Customers } from './migrations/010_customers';
import { m011KbReanalyze } from './migrations/011_kb_reanalyze';
import { m012NextBestAction } from './migrations/012_next_best_action';
import { m013KbPorter2 } from './migrations/013_kb_porter2';
import { m014AgeingBonus } from './migrations/014_ageing_bonus';
import { m015Courses } from './migrations/015_courses';
import { m016KbFeedback } from './migrations/016_kb_feedback';
import { m017EscalationOutcome } from './migrations/017_escalation_outcome';
import { m018PracticeDrafts } from './migrations/018_practice_drafts';
import { m019ReasonTexts } from './migrations/019_reason_texts';
import { m020CourseRefusalTexts } from './migrations/020_course_refusal_texts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/**
 * Every schema change, in order. Shipped migrations are never edited: add a new one.
 * Versions must be strictly increasing (asserted below), so a bad merge fails at load.
 */
export const migrations: readonly Migration[] = [
  m001Initial,
  m002Kb,
  m003Earnings,
  m004Sync,
  m005Tickets,
  m006AppendOnlyLedger,
  m007NothingLost,
  m008KbSearch,
  m009KbVocabRowid,
  m010Customers,
  m011KbReanalyze,
  m012NextBestAction,
  m013KbPorter2,
  m014AgeingBonus,
  m015Courses,
  m016KbFeedback,
  m017EscalationOutcome,
  m018PracticeDrafts,
  m019ReasonTexts,
  m020CourseRefusalTexts,
];

for (let i = 1; i < migrations.length; i++) {
  const prev = migrations[i - 1]!;
  const cur = migrations[i]!;
  if (cur.version <= prev.version) {
    throw new Error(`Migrations out of order: ${cur.version} (${cur.name}) after ${prev.version}`);
  }
}

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
