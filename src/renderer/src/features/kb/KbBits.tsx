/** Small pieces shared by the KB view and the ticket's KB panel. */

export function KbTags({ tags }: { tags: string[] }) {
  return (
    <>
      {tags.map((tag) => (
        <span key={tag} className="kb-tag">
          {tag}
        </span>
      ))}
    </>
  );
}

interface SearchBoxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter: open the best result. */
  onEnter?: () => void;
  autoFocus?: boolean;
}

export function KbSearchBox({ label, value, onChange, onEnter, autoFocus }: SearchBoxProps) {
  return (
    <input
      type="search"
      className="kb-search"
      aria-label={label}
      placeholder="Search articles…"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onEnter?.();
      }}
      autoFocus={autoFocus}
    />
  );
}
