import type { z } from 'zod';

/** One line per issue, each naming the field path: `settings.theme: Invalid option ...`. */
export function describeIssues(error: z.ZodError, root = 'input'): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : root;
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
