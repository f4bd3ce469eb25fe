import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { findTemplate, TEMPLATES, type Template } from "../../core/catalog/templates";
import { templateWorkbook } from "../../core/layout/template-layout";
import { describePeriod, parsePeriod, type Period } from "../../core/periods";
import type { Roster, RosterUnit } from "../../core/roster/roster";
import { suggestUnits } from "../../core/roster/suggest";
import type { ExcelPort } from "../excel-port";
import { describeError, useStrings } from "../i18n";
import type { Strings } from "../strings";
import { Notices, type Message } from "./Notice";
import { renderedMessages } from "./rendered-messages";
import { UnitPicker } from "./UnitPicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  intro: { margin: 0 },
});

export interface TemplateState {
  templateId: string;
  unitCode: string;
  period: string;
}

export const initialTemplateState: TemplateState = { templateId: TEMPLATES[0]!.id, unitCode: "", period: "" };

export interface TemplateTabProps {
  state: TemplateState;
  onChange: (patch: Partial<TemplateState>) => void;
  /** The workbook, when the pane runs inside Excel. */
  excel?: ExcelPort;
  /** Hands a file to the browser to save. */
  download: (name: string, bytes: Uint8Array) => void;
  /** The official list of units (loaded on first use: 3,356 rows). */
  units: () => Roster;
}

interface Checked {
  template: Template;
  unit: RosterUnit;
  period: Period;
}

function check(
  state: TemplateState,
  units: Roster,
  t: Strings,
): { ok: Checked } | { unitError?: string; periodError?: string } {
  const template = findTemplate(state.templateId) ?? (TEMPLATES[0] as Template);
  const code = state.unitCode.trim();
  let unitError: string | undefined;
  let unit: RosterUnit | undefined;
  if (!code) unitError = t.template.unitMissing;
  else {
    unit = units.get(code);
    if (!unit) {
      const hints = suggestUnits(units, code)
        .map((u) => `${u.code} ${u.name}`)
        .join("; ");
      unitError = t.template.unitUnknown(code, hints);
    }
  }
  let periodError: string | undefined;
  const text = state.period.trim();
  const period = text ? parsePeriod(text) : undefined;
  if (!text) periodError = t.template.periodMissing;
  else if (!period || period.kind === "phase") periodError = t.template.periodInvalid(text);
  else if (!template.periodKinds.includes(period.kind as Template["periodKinds"][number])) {
    const kinds = template.periodKinds.map((k) => t.template.periodKinds[k] ?? k).join(", ");
    periodError = t.template.periodKind(describePeriod(period, t.lang), kinds);
  }
  if (unitError || periodError || !unit || !period) return { unitError, periodError };
  return { ok: { template, unit, period } };
}

/** Mẫu biểu: a template for a unit and period, into this workbook or as a file. */
export function TemplateTab({ state, onChange, excel, download, units }: TemplateTabProps) {
  const t = useStrings();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<Message[]>([]);
  const [errors, setErrors] = useState<{ unitError?: string; periodError?: string }>({});
  const selected = findTemplate(state.templateId) ?? (TEMPLATES[0] as Template);

  const run = async (mode: "insert" | "download"): Promise<void> => {
    setMessages([]);
    let checked: ReturnType<typeof check>;
    try {
      checked = check(state, units(), t);
    } catch (e) {
      setMessages([{ intent: "error", text: describeError(e, t.lang) }]);
      return;
    }
    if (!("ok" in checked)) {
      setErrors(checked);
      return;
    }
    setErrors({});
    const { template, unit, period } = checked.ok;
    const layout = templateWorkbook({
      template,
      unit: { code: unit.code, name: unit.name },
      period,
      lang: t.lang,
    });
    setBusy(true);
    try {
      if (mode === "insert" && excel) {
        setMessages(renderedMessages(await excel.insertLayout(layout), t));
      } else {
        // ExcelJS is loaded only when a file is made: it is most of the pane's weight.
        const { writeLayoutXlsx } = await import("../../io/xlsx-write");
        const name = `${template.id}_${unit.code}_${period.code}.xlsx`;
        download(name, writeLayoutXlsx(layout));
        setMessages([{ intent: "success", text: t.template.downloaded(name) }]);
      }
    } catch (e) {
      setMessages([{ intent: "error", text: describeError(e, t.lang) }]);
    } finally {
      setBusy(false);
    }
  };

  const onPick = (u: RosterUnit): void => {
    onChange({ unitCode: u.code });
    setErrors((x) => ({ ...x, unitError: undefined }));
  };

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{excel ? t.template.introHost : t.template.introBrowser}</p>
      <Field label={t.template.templateLabel}>
        <Dropdown
          value={selected.name[t.lang]}
          selectedOptions={[selected.id]}
          onOptionSelect={(_e, data) => data.optionValue && onChange({ templateId: data.optionValue })}
          disabled={busy}
        >
          {TEMPLATES.map((tpl) => (
            <Option key={tpl.id} value={tpl.id} text={tpl.name[t.lang]}>
              {tpl.name[t.lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <UnitPicker units={units} onPick={onPick} disabled={busy} />
      <Field
        label={t.template.unitLabel}
        hint={t.template.unitHint}
        validationState={errors.unitError ? "error" : "none"}
        validationMessage={errors.unitError}
      >
        <Input
          value={state.unitCode}
          onChange={(_e, d) => onChange({ unitCode: d.value })}
          inputMode="numeric"
          autoComplete="off"
          disabled={busy}
        />
      </Field>
      <Field
        label={t.template.periodLabel}
        hint={t.template.periodHint}
        validationState={errors.periodError ? "error" : "none"}
        validationMessage={errors.periodError}
      >
        <Input
          value={state.period}
          placeholder="2026"
          onChange={(_e, d) => onChange({ period: d.value })}
          autoComplete="off"
          disabled={busy}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run("insert")} disabled={busy}>
          {t.template.insert}
        </Button>
        {excel ? (
          <Button appearance="secondary" onClick={() => void run("download")} disabled={busy}>
            {t.template.download}
          </Button>
        ) : null}
        {busy ? <Spinner size="tiny" label={t.template.working} /> : null}
      </div>
      <Notices messages={messages} />
    </div>
  );
}
