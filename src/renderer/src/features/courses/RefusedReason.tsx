import { useIntl } from 'react-intl';
import type { LocalAttempt } from '../../../../shared/contract/courses';
import { coreTextIn, genericRefusal } from '../../i18n/errorText';
import { useT } from '../../i18n/useT';

/**
 * "Not graded: …" in the language shown. An attempt refused before reasons had ids says the
 * generic refusal, with the server's English only as its tooltip.
 */
export function RefusedReason({
  attempt,
}: {
  attempt: Extract<LocalAttempt, { state: 'refused' }>;
}) {
  const t = useT();
  const intl = useIntl();
  return (
    <span title={attempt.reasonText ? undefined : attempt.reason || undefined}>
      {t('courses.status.refused', {
        reason: coreTextIn(intl, attempt.reasonText, genericRefusal),
      })}
    </span>
  );
}
