/** One option of a SelectField: what it sends and what it says. */
export interface Choice<V extends string | number> {
  value: V;
  label: string;
}

/** A control whose value its owner keeps (in the URL, in state) and changes on `onChange`. */
export interface Controlled<T> {
  value: T;
  onChange: (value: T) => void;
}

/** A labelled drop-down list in the form layout (`field`); `onChange` gets the chosen value. */
export function SelectField<V extends string | number>({
  label,
  value,
  choices,
  onChange,
  testId,
}: {
  label: string;
  value: V | '';
  choices: readonly Choice<V>[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The years from `first` to `last`, each its own label. */
export function yearChoices(first: number, last: number): Choice<number>[] {
  return Array.from({ length: last - first + 1 }, (_, i) => ({
    value: first + i,
    label: String(first + i),
  }));
}
