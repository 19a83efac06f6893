/**
 * Macros (a brand's canned responses) and their placeholders. Pure: the app fills
 * `{{customer.firstName}}`, `{{advocate.name}}`… from what it knows about the ticket; any
 * placeholder it cannot fill stays as written, so the advocate sees what is left to complete.
 */

export interface MacroContext {
  customerName: string;
  advocateName: string;
  advocateHandle?: string;
  brandName?: string;
  ticketSubject?: string;
}

/** The first word of a name ("Ana María López" → "Ana"); empty for an empty name. */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}

function values(ctx: MacroContext): Record<string, string> {
  const v: Record<string, string> = {
    'customer.name': ctx.customerName.trim(),
    'customer.firstName': firstName(ctx.customerName),
    'advocate.name': ctx.advocateName.trim(),
    'advocate.firstName': firstName(ctx.advocateName),
  };
  if (ctx.advocateHandle) v['advocate.handle'] = ctx.advocateHandle;
  if (ctx.brandName) v['brand.name'] = ctx.brandName;
  if (ctx.ticketSubject) v['ticket.subject'] = ctx.ticketSubject;
  return v;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w]*(?:\.[a-zA-Z][\w]*)*)\s*\}\}/g;

/** Fills every known placeholder; an unknown or empty one is kept verbatim. */
export function expandMacro(body: string, ctx: MacroContext): string {
  const known = values(ctx);
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = known[name];
    return value ? value : whole;
  });
}

/** Placeholders still in a text after expansion, e.g. `order.number`, each once. */
export function unfilledPlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names];
}

export interface MacroLike {
  title: string;
  body: string;
}

/**
 * Macros matching what the advocate typed: every word must appear in the title or body
 * (case-insensitive); title matches first, then by title.
 */
export function filterMacros<M extends MacroLike>(macros: readonly M[], query: string): M[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...macros].sort((a, b) => a.title.localeCompare(b.title));
  const scored: { m: M; score: number }[] = [];
  for (const m of macros) {
    const title = m.title.toLowerCase();
    const body = m.body.toLowerCase();
    let score = 0;
    let all = true;
    for (const w of words) {
      if (title.includes(w)) score += title.startsWith(w) ? 3 : 2;
      else if (body.includes(w)) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ m, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.m.title.localeCompare(b.m.title))
    .map((s) => s.m);
}
