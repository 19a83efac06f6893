/**
 * Zendesk Support API export → Gigdesk tasks and customers. Accepts the body of
 * `GET /api/v2/tickets.json` (optionally with `include=users` side-loading, and `ticket_fields`
 * from `GET /api/v2/ticket_fields.json`) where each ticket carries its `comments` (from
 * `GET /api/v2/tickets/{id}/comments.json`), as export scripts commonly assemble it.
 *
 * Nothing is dropped silently: the requester becomes the task's customer (`zendesk-user:<id>`,
 * with name, e-mail and phone as tiered customer fields), comments with only HTML are converted
 * to text, attachments are listed by name and size, cut text and threads are marked where they
 * were cut, custom fields become customer fields, and each ticket's report says what was changed.
 */
import { convert } from 'html-to-text';
import { z } from 'zod';
import type { Channel, CustomerPush, TaskPush } from '../shared/protocol';

const ZendeskAttachment = z.looseObject({
  file_name: z.string(),
  size: z.number().int().nonnegative().optional(),
});

const ZendeskComment = z.looseObject({
  id: z.number(),
  author_id: z.number(),
  body: z.string().optional(),
  plain_body: z.string().optional(),
  html_body: z.string().optional(),
  public: z.boolean().default(true),
  created_at: z.iso.datetime({ offset: true }),
  attachments: z.array(ZendeskAttachment).default([]),
});

const ZendeskTicket = z.looseObject({
  id: z.number().int(),
  subject: z.string().nullable().optional(),
  raw_subject: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).nullable().optional(),
  requester_id: z.number().int().nullable().optional(),
  tags: z.array(z.string()).default([]),
  via: z.looseObject({ channel: z.string() }).optional(),
  created_at: z.iso.datetime({ offset: true }),
  due_at: z.iso.datetime({ offset: true }).nullable().optional(),
  comments: z.array(ZendeskComment).optional(),
  custom_fields: z.array(z.looseObject({ id: z.number().int(), value: z.unknown() })).default([]),
});

const ZendeskUser = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  locale: z.string().nullable().optional(),
});

const ZendeskTicketField = z.looseObject({ id: z.number().int(), title: z.string() });

export const ZendeskExport = z.looseObject({
  tickets: z.array(ZendeskTicket).min(1),
  users: z.array(ZendeskUser).optional(),
  ticket_fields: z.array(ZendeskTicketField).optional(),
});
export type ZendeskExport = z.infer<typeof ZendeskExport>;
type ZendeskTicket = z.infer<typeof ZendeskTicket>;
type ZendeskComment = z.infer<typeof ZendeskComment>;

const SKILL_TAGS = ['billing', 'returns', 'shipping', 'technical', 'account', 'warranty', 'orders'];
const MAX_MESSAGES = 200;
const MAX_BODY = 20_000;

function channelOf(via: string | undefined): Channel {
  if (!via) return 'email';
  if (['chat', 'native_messaging', 'messaging', 'sunshine_conversations'].includes(via))
    return 'chat';
  if (['twitter', 'facebook', 'instagram_dm', 'whatsapp', 'any_channel'].includes(via))
    return 'social';
  return 'email';
}

const complexityOf = { low: 1, normal: 2, high: 4, urgent: 5 } as const;

/** What the import changed about one ticket on its way in. */
export interface ZendeskTicketReport {
  ticketId: number;
  externalRef: string;
  changes: string[];
}

export interface ZendeskMapping {
  tasks: TaskPush[];
  /** One per requester of an imported ticket. */
  customers: CustomerPush[];
  /** Solved or closed tickets are not work for advocates. */
  skipped: number;
  report: ZendeskTicketReport[];
}

const customerRefOf = (userId: number) => `zendesk-user:${userId}`;

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return 'size unknown';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A comment's text, with what had to change about it noted in `changes`. */
function commentText(c: ZendeskComment, changes: string[]): string {
  let text = (c.plain_body ?? c.body ?? '').trim();
  if (!text && c.html_body) {
    text = convert(c.html_body, {
      wordwrap: false,
      selectors: [{ selector: 'img', format: 'skip' }],
    }).trim();
    if (text) changes.push(`comment ${c.id}: HTML-only, converted to text`);
  }
  if (c.attachments.length > 0) {
    const list = c.attachments.map((a) => `${a.file_name} (${sizeText(a.size)})`).join(', ');
    text = `${text}\n\n[Attachments, not imported: ${list}]`.trim();
    changes.push(`comment ${c.id}: ${c.attachments.length} attachment(s) listed by name and size`);
  }
  if (!text) {
    changes.push(`comment ${c.id}: empty`);
    return '(empty comment)';
  }
  if (text.length > MAX_BODY) {
    const marker = `\n\n[Truncated by the import: ${text.length - (MAX_BODY - 100)} more characters in Zendesk comment ${c.id}]`;
    changes.push(`comment ${c.id}: truncated from ${text.length} characters`);
    text = text.slice(0, MAX_BODY - 100) + marker;
  }
  return text;
}

function customFieldValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : null;
  return String(value).slice(0, 2000);
}

export function mapZendeskExport(data: ZendeskExport): ZendeskMapping {
  const users = new Map((data.users ?? []).map((u) => [u.id, u]));
  const fieldTitles = new Map((data.ticket_fields ?? []).map((f) => [f.id, f.title]));
  const tasks: TaskPush[] = [];
  const report: ZendeskTicketReport[] = [];
  const customers = new Map<string, NonNullable<CustomerPush['fields']>>();
  let skipped = 0;
  for (const t of data.tickets) {
    const externalRef = `zendesk:${t.id}`;
    if (t.status === 'solved' || t.status === 'closed') {
      skipped++;
      report.push({ ticketId: t.id, externalRef, changes: [`skipped: ${t.status}`] });
      continue;
    }
    const changes: string[] = [];
    tasks.push(mapTicket(t, users, fieldTitles, customers, changes));
    report.push({ ticketId: t.id, externalRef, changes });
  }
  return {
    tasks,
    customers: [...customers].map(([customerRef, fields]) => ({ customerRef, fields })),
    skipped,
    report,
  };
}

function mapTicket(
  t: ZendeskTicket,
  users: Map<number, z.infer<typeof ZendeskUser>>,
  fieldTitles: Map<number, string>,
  customers: Map<string, NonNullable<CustomerPush['fields']>>,
  changes: string[],
): TaskPush {
  const requester = t.requester_id != null ? users.get(t.requester_id) : undefined;
  const customerName = requester?.name || 'Customer';
  const comments = t.comments ?? [];
  const hidden = comments.filter((c) => !c.public).length;
  if (hidden > 0) changes.push(`${hidden} private comment(s) left in Zendesk`);
  let messages = comments
    .filter((c) => c.public)
    .map((c) => ({
      author: c.author_id === t.requester_id ? ('customer' as const) : ('agent' as const),
      authorName:
        users.get(c.author_id)?.name ?? (c.author_id === t.requester_id ? customerName : 'Support'),
      body: commentText(c, changes),
      createdAt: Date.parse(c.created_at),
    }));
  if (messages.length === 0) {
    changes.push('no public comments: the description is the first message');
    messages.push({
      author: 'customer',
      authorName: customerName,
      body: (t.description ?? '').trim().slice(0, MAX_BODY) || '(no description)',
      createdAt: Date.parse(t.created_at),
    });
  }
  if (messages.length > MAX_MESSAGES) {
    // The newest are what the advocate answers; the cut is marked in the first kept message.
    const cut = messages.length - MAX_MESSAGES;
    changes.push(`${cut} oldest comment(s) not imported (at most ${MAX_MESSAGES})`);
    messages = messages.slice(cut);
    const first = messages[0]!;
    first.body = `[${cut} earlier comment(s) are in Zendesk only]\n\n${first.body}`.slice(
      0,
      MAX_BODY,
    );
  }
  let customerRef: string | undefined;
  if (t.requester_id != null) {
    customerRef = customerRefOf(t.requester_id);
    const fields = customers.get(customerRef) ?? [];
    const set = (
      name: string,
      label: string,
      value: string | null | undefined,
      minTier: number,
    ) => {
      if (!value) return;
      const at = fields.findIndex((f) => f.name === name);
      const field = { name, label, value: value.slice(0, 2000), minTier };
      if (at >= 0) fields[at] = field;
      else fields.push(field);
    };
    set('name', 'Name', requester?.name, 1);
    set('email', 'E-mail', requester?.email, 2);
    set('phone', 'Phone', requester?.phone, 2);
    let moved = 0;
    for (const f of t.custom_fields) {
      const value = customFieldValue(f.value);
      if (value === null) continue;
      set(`zd${f.id}`, fieldTitles.get(f.id) ?? `Zendesk field ${f.id}`, value, 1);
      moved++;
    }
    if (moved > 0) changes.push(`${moved} custom field(s) kept as customer fields`);
    customers.set(customerRef, fields);
  } else changes.push('no requester: no customer linked');
  const tags = t.tags.map((s) => s.toLowerCase());
  const subject = (t.subject ?? t.raw_subject ?? '').trim();
  if (!subject) changes.push('no subject: named by ticket number');
  if (subject.length > 300) changes.push('subject truncated to 300 characters');
  const language = requester?.locale ? languageOf(requester.locale) : undefined;
  return {
    externalRef: `zendesk:${t.id}`,
    subject: subject ? subject.slice(0, 300) : `Zendesk ticket #${t.id}`,
    channel: channelOf(t.via?.channel),
    skills: SKILL_TAGS.filter((s) => tags.includes(s)),
    complexity: complexityOf[t.priority ?? 'normal'],
    minTier: tags.includes('vip') || tags.includes('sensitive') ? 1 : 0,
    customerName: customerName.slice(0, 120),
    ...(customerRef ? { customerRef } : {}),
    ...(language ? { language } : {}),
    slaDueAt: t.due_at ? Date.parse(t.due_at) : null,
    createdAt: Date.parse(t.created_at),
    messages,
  };
}

/** The requester's Zendesk locale as a BCP 47 tag, when it is one. */
function languageOf(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}
