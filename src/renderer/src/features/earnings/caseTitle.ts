import type { useT } from '../../i18n/useT';

/** A case by its subject; one whose task left this device says so rather than show an id. */
export function caseTitle(c: { subject: string | null }, t: ReturnType<typeof useT>): string {
  return c.subject ?? t('earnings.case.untitled');
}
