/** `gigdesk-admin COMMAND --help`: one entry per command, usage first. */
export const commandHelp: Record<string, string> = {
  'brand create':
    'brand create NAME [--currency EUR] [--lease-minutes 30] --db FILE\n  Creates a brand and prints its first admin key (once). Refuses a name already in use.',
  'demo seed':
    'demo seed [--advocates N] [--tier N] --db FILE\n  Fills the database with the demo brand.',
  'account invite':
    'account invite --email E [--name N] [--role owner|admin|analyst] [--brand ID|NAME --db FILE]\n  Makes a one-time console invite link. With --db (operator, e.g. the first owner) for --brand; else over HTTP with the brand key.',
  'account list': 'account list\n  The brand console accounts.',
  'account set':
    'account set ID [--role owner|admin|analyst] [--disable | --enable]\n  Changes a console account’s role, or disables it (its sessions end).',
  audit: 'audit [--since MS] [--limit N]\n  The audit log: who changed what, when.',
  'brand show': 'brand show\n  The brand as its admin key sees it.',
  'brand lease': 'brand lease MINUTES\n  How long a claim lasts.',
  'key rotate':
    'key rotate [--overlap-minutes 60]\n  Prints a new admin key once; the keys in use keep working for the overlap.',
  'advocate invite':
    'advocate invite --email E [--name N] [--skills a,b] [--languages en,es] [--tier 0]\n  Prints a one-time invite code for the app.',
  'advocate list': 'advocate list',
  'advocate set': 'advocate set ID [--tier N] [--skills a,b] [--languages en,es]',
  'advocate suspend': 'advocate suspend ID',
  'advocate unsuspend': 'advocate unsuspend ID',
  'advocate revoke-tokens':
    'advocate revoke-tokens ID\n  Signs the advocate’s devices out of this brand.',
  'advocate figures':
    'advocate figures ID\n  Cases by outcome, ratings, CSAT mean and money earned.',
  'tasks push':
    'tasks push FILE(.json|.ndjson)\n  Upserts tasks by externalRef; the same file twice changes nothing.',
  'tasks list':
    'tasks list [--status S] [--q TEXT] [--skill S] [--channel C] [--limit N] [--offset N]',
  'tasks withdraw': 'tasks withdraw ID\n  Takes an open task off the pool.',
  'tasks close': 'tasks close ID\n  Closes an open or claimed task (its holder loses it).',
  'articles push': 'articles push FILE',
  'content list':
    'content list [--kind article|macro] [--q TEXT] [--language en] [--cursor C] [--limit N]\n  The brand’s articles or macros by title; --cursor takes the nextCursor of the last page.',
  'articles delete': 'articles delete REF',
  'macros push': 'macros push FILE',
  'macros delete': 'macros delete REF',
  'payout set': 'payout set FILE\n  New payout rules version (identical rules change nothing).',
  'payout show': 'payout show',
  'payout versions': 'payout versions',
  'payout diff': 'payout diff --from V --to V',
  'payout run':
    'payout run --to confirmed|paid [--before MS] [--advocate ID]\n  Moves pending entries to confirmed, or confirmed ones to paid.',
  'payout statements': 'payout statements [--advocate ID] [--from MS] [--to MS] [--csv]',
  'ratings push':
    'ratings push FILE\n  Idempotent per case: re-posting the same file changes nothing.',
  'customers push':
    'customers push FILE(.json|.ndjson)\n  Customers by customerRef, each field with a minimum tier; idempotent by ref.',
  'customer-events push':
    'customer-events push FILE(.json|.ndjson)\n  Orders, returns, subscription changes, contacts; idempotent by external id.',
  'ladder show':
    'ladder show\n  What each tier of the brand needs (resolved, rating, reopen rate, certifications, tenure) and unlocks.',
  'ladder set':
    'ladder set FILE\n  Sets the tier ladder: {"rungs": [{"tier": 1, "minResolved": 20, "minRating": 4.5, …}]}.',
  promotions:
    'promotions\n  Promotions and demotions the ladder suggests, with the evidence; recent decisions.',
  courses: 'courses\n  The brand’s courses (one per skill), answers included.',
  'course set':
    'course set SKILL FILE\n  Publishes the course for SKILL: {"title": "…", "articles": ["A-1"], "items": [{"question": "…", "options": ["…", "…"], "correct": [1]}], "passMark": 1}. Passing certifies the skill and grants it.',
  'promotion approve':
    'promotion approve ADVOCATE_ID --tier N [--reconsider]\n  Approves the suggested move to tier N (a demotion purges what the advocate may no longer see);\n  --reconsider approves a move declined in the last 7 days.',
  'promotion decline':
    'promotion decline ADVOCATE_ID --tier N\n  Declines the suggested move; it is not suggested again for 7 days.',
  'kb-feedback':
    'kb-feedback\n  Helpful and outdated votes per article, most outdated first (one vote per advocate).',
  'reopen show':
    "reopen show\n  The brand's reopen window, follow-up offer minutes and reopen fee.",
  'reopen set': 'reopen set [--window-hours 72] [--offer-minutes 15] [--fee-bps 0]',
  reopens: 'reopens\n  Reopened cases counted per brand and per advocate.',
  outcomes: 'outcomes [--since MS]',
  escalations: 'escalations [--state new|acknowledged|closed]\n  The escalation queue.',
  'escalation ack': 'escalation ack TASK_ID',
  'escalation close':
    'escalation close TASK_ID --outcome resolved|unresolved|refunded|duplicate [--note TEXT]\n  The advocate who escalated sees the outcome.',
  'webhook add':
    'webhook add --hook-url URL --events escalation.created,case.resolved,rating.bad,task.unclaimed_past_sla\n  Prints the endpoint’s signing secret once.',
  'webhook list': 'webhook list',
  'webhook remove': 'webhook remove ID',
  'webhook deliveries':
    'webhook deliveries [--endpoint ID]\n  The delivery log: attempts, last status, next attempt.',
  metrics:
    'metrics --from MS --to MS [--group-by overall|advocate|skill|channel|complexity|tier]\n  Impact metrics of the cases created in the range.',
  'settings cost':
    'settings cost MINOR|none\n  What one case costs the brand’s contact centre (shown beside the crowd’s cost).',
  'zendesk import': 'zendesk import FILE',
};

export function helpFor(cmd: string): string | undefined {
  return commandHelp[cmd];
}

export const overview = (): string =>
  [
    'gigdesk-admin — brand administration',
    'Over HTTP with a brand admin key: --url URL (GIGDESK_URL), --key KEY (GIGDESK_ADMIN_KEY).',
    'With database access (operator): --db FILE|postgres://… (GIGDESK_DB, DATABASE_URL).',
    '',
    ...Object.values(commandHelp).map((h) => `  ${h.split('\n')[0]}`),
    '',
    'COMMAND --help shows one command.',
  ].join('\n');
