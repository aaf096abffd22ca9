import { useEffect, useRef, useState } from 'react';

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
  /**
   * Commit only after typing pauses this long (and at once on Enter or leaving the field), for
   * values that act on a running run: "150" must not pass through 1 and 15, nor "2e-4" through 2.
   */
  settleMs?: number;
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
  settleMs = 0,
  onCommit,
}: Props) {
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: number } | null>(null);
  const flush = () => {
    if (!pending.current) return;
    clearTimeout(pending.current.timer);
    const { value: v } = pending.current;
    pending.current = null;
    onCommit(v);
  };
  const commit = (v: number) => {
    if (settleMs <= 0) return onCommit(v);
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { value: v, timer: setTimeout(flush, settleMs) };
  };
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current.timer);
    },
    [],
  );
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
            commit(v);
        }}
        onBlur={flush}
        onKeyDown={(e) => {
          if (e.key === 'Enter') flush();
        }}
      />
    </label>
  );
}
