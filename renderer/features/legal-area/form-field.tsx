interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** The problem in words, already naming the field; the input is marked invalid while there is one. */
  error?: string | null;
  /** Marked invalid under a problem reported for its group (an incomplete officer, a missing approval). */
  invalid?: boolean;
  hint?: string;
  maxLength?: number;
  type?: 'text' | 'date' | 'datetime-local' | 'tel';
  /** A textarea of this many rows instead of an input. */
  rows?: number;
  placeholder?: string;
  testId?: string;
}

/** One labelled field of the legal forms, its hint and its problem read out with it. */
export function TextField({ id, label, value, onChange, error, invalid, hint, maxLength, type = 'text', rows, placeholder, testId }: TextFieldProps) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, value, maxLength, placeholder, 'aria-invalid': Boolean(error) || Boolean(invalid), 'aria-describedby': described, 'data-testid': testId };
  return (
    <div className="intake-field">
      <label htmlFor={id}>{label}</label>
      {rows ? <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />}
      {hint && (
        <p className="muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's problem, at the id its control points to with aria-describedby. */
export function FieldError({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}
