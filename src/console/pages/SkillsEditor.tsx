import { type FormEvent, useState } from 'react';
import type { AdminAdvocate } from '../../shared/protocol';
import { useT } from '../i18n/I18n';

/** Comma-separated text → the names it lists. */
export const listOf = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * An advocate's skills and languages, edited in its row. The server validates them with the
 * protocol's own schemas (Skill, LanguageTag) and names each bad one.
 */
export function SkillsEditor({
  advocate,
  busy,
  onSave,
  onCancel,
}: {
  advocate: AdminAdvocate;
  busy: boolean;
  onSave: (patch: { skills: string[]; languages: string[] }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [skills, setSkills] = useState(advocate.skills.join(', '));
  const [languages, setLanguages] = useState(advocate.languages.join(', '));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ skills: listOf(skills), languages: listOf(languages) });
  };
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      aria-label={t('advocates.editSkillsOf', { name: advocate.name })}
    >
      <label>
        {t('advocates.skillsInput')}
        <input value={skills} onChange={(e) => setSkills(e.target.value)} />
      </label>
      <label>
        {t('advocates.languagesInput')}
        <input value={languages} onChange={(e) => setLanguages(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t('common.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
