/**
 * What an app understands beyond the protocol it first shipped with. An app names its
 * capabilities in the `Gigdesk-Capabilities` header of `GET /v1/sync` and the snapshot routes;
 * the server sends a capability's change kinds (and snapshot parts) only to apps that named it,
 * because an app validates every change it pulls and refuses a page with a kind it does not
 * know. A header, not a query parameter: servers from before it ignore it (they refuse unknown
 * query parameters), so a new app still syncs with an old server.
 */
import type { ChangeKind } from './protocol';

export const CAPABILITIES_HEADER = 'gigdesk-capabilities';

export const CAPABILITIES = ['customers', 'compact-ids'] as const;
export type Capability = (typeof CAPABILITIES)[number];
export type Capabilities = ReadonlySet<Capability>;

/**
 * The change kinds only an app with the capability receives. `compact-ids` adds no kind: it is
 * a snapshot format (ids written short, snapshotRows.ts).
 */
export const KINDS_OF_CAPABILITY: Record<Capability, readonly ChangeKind[]> = {
  customers: ['customer', 'customer_event', 'customer_case'],
  'compact-ids': [],
};

/** Everything this build understands (what the app sends, what the store assumes by default). */
export const ALL_CAPABILITIES: Capabilities = new Set(CAPABILITIES);

/** The header value this build sends. */
export const capabilitiesHeaderValue = (): string => CAPABILITIES.join(', ');

/**
 * The capabilities a header names. Unknown names are ignored (a newer app may know more), as are
 * case and spaces; an absent header names none: an app from before capabilities.
 */
export function parseCapabilities(header: string | string[] | undefined): Capabilities {
  const text = (Array.isArray(header) ? header.join(',') : (header ?? '')).slice(0, 1000);
  const known = new Set<string>(CAPABILITIES);
  const named = text.split(',').map((c) => c.trim().toLowerCase());
  return new Set(named.filter((c): c is Capability => known.has(c)));
}

/** The change kinds held back from an app with these capabilities. */
export function kindsWithheld(caps: Capabilities): Set<string> {
  const withheld = new Set<string>();
  for (const cap of CAPABILITIES)
    if (!caps.has(cap)) for (const kind of KINDS_OF_CAPABILITY[cap]) withheld.add(kind);
  return withheld;
}
