import { Combobox, Field, Option } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Roster, RosterUnit } from "../../core/roster/roster";
import { matchKey } from "../../core/text";
import { useStrings } from "../i18n";

const LIMIT = 30;

export interface UnitPickerProps {
  units: () => Roster;
  onPick: (unit: RosterUnit) => void;
  disabled?: boolean;
}

/** Finds a unit of the official list by name (diacritics and case ignored) and hands back its code. */
export function UnitPicker({ units, onPick, disabled }: UnitPickerProps) {
  const t = useStrings();
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState<{ roster: Roster; keys: string[] } | undefined>();
  const matches = useMemo(() => {
    const key = matchKey(query);
    if (key.length < 2 || !index) return [];
    const { roster, keys } = index;
    const out: { unit: RosterUnit; parent: string }[] = [];
    for (let i = 0; i < roster.units.length; i++) {
      const u = roster.units[i] as RosterUnit;
      if (!(keys[i] as string).includes(key) && u.code !== query.trim()) continue;
      out.push({ unit: u, parent: roster.get(u.parent)?.name ?? "" });
      if (out.length >= LIMIT) break;
    }
    return out;
  }, [query, index]);
  // The list and its search keys are built once, when the person first types here.
  const ensureIndex = (): void => {
    if (index) return;
    const roster = units();
    setIndex({ roster, keys: roster.units.map((u) => matchKey(u.name)) });
  };
  return (
    <Field label={t.template.unitSearchLabel}>
      <Combobox
        freeform
        disabled={disabled}
        placeholder={t.template.unitSearchPlaceholder}
        // Fluent names the arrow "Open" in English whatever the page's language.
        expandIcon={{ "aria-label": t.template.unitSearchOpen }}
        value={query}
        onFocus={ensureIndex}
        onChange={(e) => {
          ensureIndex();
          setQuery(e.currentTarget.value);
        }}
        onOptionSelect={(_e, data) => {
          const found = matches.find((m) => m.unit.code === data.optionValue);
          if (found) {
            setQuery(found.unit.name);
            onPick(found.unit);
          }
        }}
      >
        {matches.map(({ unit, parent }) => {
          const text = `${t.template.unitFound(unit.name, parent)} — ${unit.code}`;
          return (
            <Option key={unit.code} value={unit.code} text={text}>
              {text}
            </Option>
          );
        })}
        {query.trim().length >= 2 && matches.length === 0 ? (
          <Option key="none" value="" text={t.template.unitSearchNone} disabled>
            {t.template.unitSearchNone}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
