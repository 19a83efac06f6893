import type { MessageId } from '../../i18n/catalogs';
import type { EntryKind, EntryStatus } from '../../../../shared/contract/earnings';

export const statusLabel: Record<EntryStatus, MessageId> = {
  estimated: 'earnings.status.estimated',
  pending: 'earnings.status.pending',
  confirmed: 'earnings.status.confirmed',
  paid: 'earnings.status.paid',
};

/** What each status means for the advocate's money, shown beside it. */
export const statusHelp: Record<EntryStatus, MessageId> = {
  estimated: 'earnings.statusHelp.estimated',
  pending: 'earnings.statusHelp.pending',
  confirmed: 'earnings.statusHelp.confirmed',
  paid: 'earnings.statusHelp.paid',
};

export const kindLabel: Record<EntryKind, MessageId> = {
  payout: 'earnings.kind.payout',
  rating_bonus: 'earnings.kind.rating_bonus',
  tip: 'earnings.kind.tip',
  adjustment: 'earnings.kind.adjustment',
  clawback: 'earnings.kind.clawback',
};

/** One sentence on what a line of each entry kind is, under the line in a case's breakdown. */
export const kindHelp: Record<EntryKind, MessageId> = {
  payout: 'earnings.lineHelp.payout',
  rating_bonus: 'earnings.lineHelp.rating_bonus',
  tip: 'earnings.lineHelp.tip',
  adjustment: 'earnings.lineHelp.adjustment',
  clawback: 'earnings.lineHelp.clawback',
};
