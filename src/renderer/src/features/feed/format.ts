import type { MessageId } from '../../i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';

export const channelLabels: Record<string, MessageId> = {
  email: 'feed.channel.email',
  chat: 'feed.channel.chat',
  social: 'feed.channel.social',
};

/** How a task's payout, due time and channel read, in the advocate's language. */
export function useTaskLabels() {
  const t = useT();
  const format = useFormat();
  return {
    payout: (amountMinor: number | null, currency: string | null): string =>
      amountMinor === null || currency === null
        ? t('feed.noPayoutRules')
        : format.money(amountMinor, currency),
    /** "Due in 3 hours", "Overdue (20 minutes ago)", or "No SLA". */
    due: (dueAt: number | null, now: number): string => {
      if (dueAt === null) return t('feed.noSla');
      const when = format.relative(dueAt, now);
      return t(dueAt < now ? 'feed.overdue' : 'feed.due', { when });
    },
    /**
     * Why the task pays more now (the fallback ladder's ageing bonus): a short row label and
     * the sentence saying why; null without a bonus or while the brand has no payout rules.
     */
    ageingBonus: (
      task: { ageingBonusMinor?: number; currency: string | null; createdAt: number },
      now: number,
    ): { row: string; why: string } | null => {
      if (!task.ageingBonusMinor || task.currency === null) return null;
      const amount = format.money(task.ageingBonusMinor, task.currency);
      return {
        row: t('feed.ageingBonus.row', { amount }),
        why: t('feed.ageingBonus.why', { amount, when: format.relative(task.createdAt, now) }),
      };
    },
    channel: (channel: string): string => {
      const id = channelLabels[channel];
      return id ? t(id) : channel;
    },
  };
}
