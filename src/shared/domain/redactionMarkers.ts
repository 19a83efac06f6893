/** The visible markers that stand in for personal data a tier-0 advocate may not see. */
export type RedactionKind = 'email' | 'phone' | 'card' | 'iban';

export const redactionMarkers: Record<RedactionKind, string> = {
  email: '[email removed]',
  phone: '[phone removed]',
  card: '[card number removed]',
  iban: '[IBAN removed]',
};
