/**
 * `speaks` (shared/domain/language.ts) in SQL, for the task alias `t`: true when the task's
 * language is unknown, the advocate set no languages for its brand, or one of them has the same
 * primary subtag.
 */
const primary = (expr: string) => `lower(substr(${expr}, 1, instr(${expr} || '-', '-') - 1))`;

export const speaksSql = (t = 't') => `(${t}.language IS NULL
  OR NOT EXISTS (SELECT 1 FROM memberships lm WHERE lm.brand_id = ${t}.brand_id AND lm.languages <> '[]')
  OR EXISTS (SELECT 1 FROM memberships lm, json_each(lm.languages) l
              WHERE lm.brand_id = ${t}.brand_id AND ${primary('l.value')} = ${primary(`${t}.language`)}))`;
