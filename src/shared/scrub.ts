/**
 * Scrubs what goes to the log file and into "Copy diagnostics": never a token, key, invite
 * code or message body. Pure, so the app (electron-log hook, diagnostics report) and the feed
 * server (pino) share it.
 */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets or customer content, whatever their type. */
const SENSITIVE_KEY =
  /^(authorization|cookie|set-cookie|token|access_?token|refresh_?token|device_?token|id_?token|secret|client_?secret|password|passphrase|api_?key|admin_?key|x-api-key|x-admin-key|key|invite(_?code)?|body|text|message_?body|note|handoff_?note|reply|content|html|markdown|comment|payload)$/i;

const isSensitiveKey = (key: string): boolean =>
  SENSITIVE_KEY.test(key) || /(token|secret|password|api_?key|invite)/i.test(key);

const TEXT_RULES: [RegExp, string | ((...m: string[]) => string)][] = [
  // Authorization headers and bearer credentials.
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  // The app's own credentials: gdt_ (device token) and gdk_ (admin key).
  [/\bgd[tk]_[A-Za-z0-9_-]+/g, REDACTED],
  // Invite codes, XXXX-XXXX-XXXX in the Crockford alphabet (also typed in lower case), not
  // the middle of a UUID.
  [
    /(?<![\w-])[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}(?![\w-])/gi,
    REDACTED,
  ],
  // JSON-ish "key": "value" and key=value / key: value pairs with a sensitive key.
  [
    /("?)([A-Za-z_-]*(?:token|secret|password|api_?key|admin_?key|invite_?code|inviteCode|authorization|cookie|body|note|reply)[A-Za-z_-]*)\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s&,;}\]]+)/gi,
    (_m, q: string, key: string, sep: string) =>
      `${q}${key}${q}${sep}${q ? `"${REDACTED}"` : REDACTED}`,
  ],
  // JWTs and other long opaque credentials (but not UUIDs or hex digests, which ids are).
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  [
    /\b(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{32,}\b/g,
    REDACTED,
  ],
];

/** Redacts credentials and customer content found in free text (messages, stacks, URLs). */
export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_RULES) {
    out = out.replace(pattern, replacement as string);
  }
  return out;
}

const MAX_DEPTH = 8;

/**
 * Deep copy of `value` with sensitive keys' values redacted and every string scrubbed.
 * Errors keep their name, message and stack (scrubbed); cycles and depth are cut.
 */
export function scrubValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(scrubText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : scrubText(value.stack);
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string') (copy as { code?: string }).code = code;
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1, seen));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // defineProperty, not assignment: a `__proto__` key must stay data, never a prototype.
    Object.defineProperty(out, key, {
      value: isSensitiveKey(key) ? REDACTED : scrubValue(v, depth + 1, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
