import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';

/** Parses "128, 64" (or "128，64", as a Chinese keyboard types it) into layer widths; null unless every entry is a whole number from 1 to 4096. */
export function parseUnits(text: string): number[] | null {
  const parts = text.split(/[\s,，、]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 8) return null;
  const units = parts.map(Number);
  return units.every((u) => Number.isInteger(u) && u >= 1 && u <= 4096) ? units : null;
}

/** The shared trunk's dense layer widths, typed as a list. */
export function TrunkField() {
  const { t } = useTranslation();
  const controller = useController();
  const trunk = useAppState((s) => s.settings.trunk);
  const units = useMemo(() => trunk.map((l) => l.units), [trunk]);
  const [text, setText] = useState(units.join(', '));
  const [shown, setShown] = useState(units);
  if (shown !== units) {
    // Changed from outside (e.g. a new run): show it, unless it is what is being typed.
    setShown(units);
    if (parseUnits(text)?.join() !== units.join()) setText(units.join(', '));
  }
  const valid = parseUnits(text) !== null;
  return (
    <>
      <label className="trunk-field">
        {t('model.trunk.label')}
        <input
          type="text"
          inputMode="numeric"
          value={text}
          aria-invalid={!valid}
          aria-describedby="trunk-help"
          onChange={(e) => {
            setText(e.target.value);
            const parsed = parseUnits(e.target.value);
            if (parsed && parsed.join() !== units.join())
              controller.setSettings({
                trunk: parsed.map((u, i) => ({
                  units: u,
                  activation: trunk[i]?.activation ?? trunk[0]?.activation ?? 'relu',
                  dropout: trunk[i]?.dropout ?? 0,
                })),
              });
          }}
        />
        <span id="trunk-help" className="muted">
          {t('model.trunk.help')}
        </span>
      </label>
      <TermHelp term="trunk" />
    </>
  );
}
