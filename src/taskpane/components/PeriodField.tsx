import { Combobox, Field, makeStyles, Option, OptionGroup, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { PeriodKind } from "../../core/periods";
import { useStrings } from "../i18n";
import { filterChoices, periodChoices, periodLabel, readPeriodInput } from "../periods";

const useStyles = makeStyles({
  code: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginLeft: "auto" },
  option: { columnGap: tokens.spacingHorizontalS },
});

export interface PeriodFieldProps {
  label: string;
  hint?: string;
  /** What is kept: the canonical period once chosen or read, else the text as typed. */
  value: string;
  /**
   * A new value. `invalid` is said when the person leaves the field with a text that is no period
   * (undefined while typing: nothing is judged before the person is done).
   */
  onChange: (value: string, invalid?: boolean) => void;
  /** The message under the field when its period was refused, in the pane's words. */
  error?: string;
  disabled?: boolean;
  /** The kinds a template reports by; phases are always offered. */
  kinds?: readonly PeriodKind[];
  /** The year the list is centred on (last, this and next year); the computer's clock by default. */
  thisYear?: number;
}

/**
 * The reporting period: a list of the usual periods (quarters, halves, nine months, years, phases) in
 * the pane's words, with typing allowed (freeform) for any other period. The field shows a chosen
 * period by its words; it keeps, and the engine gets, the canonical period (2026-H1).
 */
export function PeriodField({
  label,
  hint,
  value,
  onChange,
  error,
  disabled,
  kinds,
  thisYear = new Date().getFullYear(),
}: PeriodFieldProps) {
  const t = useStrings();
  const styles = useStyles();
  // What the person is typing, while they type; undefined when the field shows what is kept.
  const [draft, setDraft] = useState<string | undefined>();
  const choices = periodChoices(thisYear, t.lang, kinds);
  const kept = readPeriodInput(value);
  // A kept canonical period is shown by its words, in the language of the moment.
  const shown = draft ?? (kept && kept.code === value.trim() ? periodLabel(kept, t.lang) : value);
  const offered = filterChoices(choices, draft ?? "");
  const groups = [...new Set(offered.map((c) => c.kind))];
  const input = useRef<HTMLInputElement>(null);
  // Fluent's freeform combobox marks the option matching a typed text as active and does not unmark it
  // when the field is left and the list goes: the input then points at an option no longer in the page
  // (axe: aria-valid-attr-value; a screen reader would announce nothing). Unmarked once it is gone.
  useEffect(() => {
    const el = input.current;
    const id = el?.getAttribute("aria-activedescendant");
    if (el && id && !el.ownerDocument.getElementById(id)) el.removeAttribute("aria-activedescendant");
  });

  return (
    <Field label={label} hint={hint} validationState={error ? "error" : "none"} validationMessage={error}>
      <Combobox
        freeform
        ref={input}
        disabled={disabled}
        autoComplete="off"
        placeholder={t.periods.placeholder}
        expandIcon={{ "aria-label": t.periods.open }}
        value={shown}
        selectedOptions={kept && choices.some((c) => c.code === kept.code) ? [kept.code] : []}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          onChange(text);
        }}
        onOptionSelect={(_e, data) => {
          if (!data.optionValue) return;
          setDraft(undefined);
          if (data.optionValue !== value) onChange(data.optionValue);
        }}
        onBlur={() => {
          if (draft === undefined) return;
          setDraft(undefined);
          const text = draft.trim();
          if (!text) return;
          const p = readPeriodInput(text);
          // Read: kept as the canonical period and shown by its words, so the person sees how it was read.
          if (p) {
            if (p.code !== value) onChange(p.code);
          } else onChange(draft, true);
        }}
      >
        {groups.map((kind) => (
          <OptionGroup key={kind} label={t.periods.groups[kind]}>
            {offered
              .filter((c) => c.kind === kind)
              .map((c) => (
                <Option key={c.code} value={c.code} text={c.label} className={styles.option}>
                  <span>{c.label}</span>
                  <span className={styles.code}>{c.code}</span>
                </Option>
              ))}
          </OptionGroup>
        ))}
        {offered.length === 0 ? (
          <Option key="none" value="" text={t.periods.none} disabled>
            {t.periods.none}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
