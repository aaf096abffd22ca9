import { useState } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number | 'any';
  integer?: boolean;
  disabled?: boolean;
  /** Keep the label for screen readers only (the field sits next to a visible label). */
  hideLabel?: boolean;
  /** Id of an element that explains the field (its accessible description). */
  describedBy?: string;
  onCommit(value: number): void;
}

/** A spinbutton that keeps what is typed until it is a valid number in range, then commits it. */
export function NumberField({
  label,
  value,
  min,
  max,
  step,
  integer,
  disabled,
  hideLabel,
  describedBy,
  onCommit,
}: Props) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The value changed from outside: show it (React's "adjust state while rendering" pattern).
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  const parsed = Number(text);
  const valid =
    text.trim() !== '' &&
    Number.isFinite(parsed) &&
    parsed >= min &&
    parsed <= max &&
    (!integer || Number.isInteger(parsed));
  return (
    <label className="number-field">
      {hideLabel ? <span className="visually-hidden">{label}</span> : label}
      <input
        type="number"
        value={text}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-invalid={!valid}
        aria-describedby={describedBy}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (
            e.target.value.trim() !== '' &&
            Number.isFinite(v) &&
            v >= min &&
            v <= max &&
            (!integer || Number.isInteger(v))
          )
            onCommit(v);
        }}
      />
    </label>
  );
}
