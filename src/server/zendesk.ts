/**
 * Zendesk Support API export → Gigdesk tasks. Accepts the body of `GET /api/v2/tickets.json`
 * (optionally with `include=users` side-loading) where each ticket carries its `comments`
 * (from `GET /api/v2/tickets/{id}/comments.json`), as export scripts commonly assemble it.
 */
import { z } from 'zod';
import type { Channel, TaskPush } from '../shared/protocol';

const ZendeskComment = z.looseObject({
  id: z.number(),
  author_id: z.number(),
  body: z.string().optional(),
  plain_body: z.string().optional(),
  public: z.boolean().default(true),
  created_at: z.iso.datetime({ offset: true }),
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
});

const ZendeskUser = z.looseObject({ id: z.number().int(), name: z.string() });

export const ZendeskExport = z.looseObject({
  tickets: z.array(ZendeskTicket).min(1),
  users: z.array(ZendeskUser).optional(),
});
export type ZendeskExport = z.infer<typeof ZendeskExport>;

const SKILL_TAGS = ['billing', 'returns', 'shipping', 'technical', 'account', 'warranty', 'orders'];

function channelOf(via: string | undefined): Channel {
  if (!via) return 'email';
  if (['chat', 'native_messaging', 'messaging', 'sunshine_conversations'].includes(via))
    return 'chat';
  if (['twitter', 'facebook', 'instagram_dm', 'whatsapp', 'any_channel'].includes(via))
    return 'social';
  return 'email';
}

const complexityOf = { low: 1, normal: 2, high: 4, urgent: 5 } as const;

export interface ZendeskMapping {
  tasks: TaskPush[];
  /** Solved or closed tickets are not work for advocates. */
  skipped: number;
}

export function mapZendeskExport(data: ZendeskExport): ZendeskMapping {
  const names = new Map((data.users ?? []).map((u) => [u.id, u.name]));
  const tasks: TaskPush[] = [];
  let skipped = 0;
  for (const t of data.tickets) {
    if (t.status === 'solved' || t.status === 'closed') {
      skipped++;
      continue;
    }
    const customerName = (t.requester_id != null && names.get(t.requester_id)) || 'Customer';
    const comments = t.comments ?? [];
    const messages = comments
      .filter((c) => c.public)
      .map((c) => ({
        author: c.author_id === t.requester_id ? ('customer' as const) : ('agent' as const),
        authorName:
          names.get(c.author_id) ?? (c.author_id === t.requester_id ? customerName : 'Support'),
        body: (c.plain_body ?? c.body ?? '').trim() || '(empty comment)',
        createdAt: Date.parse(c.created_at),
      }));
    if (messages.length === 0) {
      messages.push({
        author: 'customer',
        authorName: customerName,
        body: (t.description ?? '').trim() || '(no description)',
        createdAt: Date.parse(t.created_at),
      });
    }
    const tags = t.tags.map((s) => s.toLowerCase());
    tasks.push({
      externalRef: `zendesk:${t.id}`,
      subject: (t.subject ?? t.raw_subject ?? '').trim() || `Zendesk ticket #${t.id}`,
      channel: channelOf(t.via?.channel),
      skills: SKILL_TAGS.filter((s) => tags.includes(s)),
      complexity: complexityOf[t.priority ?? 'normal'],
      minTier: tags.includes('vip') || tags.includes('sensitive') ? 1 : 0,
      customerName: customerName.slice(0, 120),
      slaDueAt: t.due_at ? Date.parse(t.due_at) : null,
      createdAt: Date.parse(t.created_at),
      messages: messages.slice(0, 200).map((m) => ({ ...m, body: m.body.slice(0, 20_000) })),
    });
  }
  return { tasks, skipped };
}
