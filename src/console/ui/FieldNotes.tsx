import type { ReactNode } from 'react';
import { ApiError } from '../api';

/** The server's issue for one request field (`body.rungs.1.minRating`), if it refused it. */
export function issueAt(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.issues.find((i) => i.path === path)?.message : undefined;
}

/** What an input with id `id` spreads on itself so that its hint and issue are read with it. */
export const fieldAria = (id: string, hint: boolean, issue: string | undefined) => ({
  'aria-invalid': issue ? true : undefined,
  'aria-describedby':
    [hint && `${id}-hint`, issue && `${id}-error`].filter(Boolean).join(' ') || undefined,
});

/** A form field's hint and the server's issue for it, under the input (see `fieldAria`). */
export function FieldNotes({ id, hint, issue }: { id: string; hint?: ReactNode; issue?: string }) {
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      {issue && (
        <span id={`${id}-error`} className="field-error">
          {issue}
        </span>
      )}
    </>
  );
}
