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
import { findTemplate, TEMPLATES, type Template } from "../../core/catalog/templates";
import { templateWorkbook } from "../../core/layout/template-layout";
import { describePeriod, type Period } from "../../core/periods";
import type { Roster, RosterUnit } from "../../core/roster/roster";
import { suggestUnits } from "../../core/roster/suggest";
import type { ExcelPort } from "../excel-port";
import { errorMessage, useStrings } from "../i18n";
import { readPeriodInput } from "../periods";
import type { Strings } from "../strings";
import { Notices, said, type Message } from "./Notice";
import { PeriodField } from "./PeriodField";
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

/** What the tab shows, kept by the pane for the session (switching tab and back finds it as left). */
export interface TemplateState {
  templateId: string;
  unitCode: string;
  period: string;
  busy?: boolean;
  messages?: Message[];
  /** Which fields were refused; their messages are written when shown, in the pane's language. */
  unitError?: boolean;
  periodError?: boolean;
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
  const period = text ? readPeriodInput(text) : undefined;
  if (!text) periodError = t.template.periodMissing;
  else if (!period) periodError = t.template.periodInvalid(text);
  // A phase (2026-2027) is every plan's review (sơ kết, tổng kết), whatever periods it reports by.
  else if (
    period.kind !== "phase" &&
    !template.periodKinds.includes(period.kind as Template["periodKinds"][number])
  ) {
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
  const busy = state.busy ?? false;
  const messages = state.messages ?? [];
  const selected = findTemplate(state.templateId) ?? (TEMPLATES[0] as Template);
  // The refusals, written now: switching language rewrites them.
  let errors: { unitError?: string; periodError?: string } = {};
  if (state.unitError || state.periodError) {
    try {
      const c = check(state, units(), t);
      if (!("ok" in c)) {
        errors = {
          unitError: state.unitError ? c.unitError : undefined,
          periodError: state.periodError ? c.periodError : undefined,
        };
      }
    } catch {
      errors = {};
    }
  }

  const run = async (mode: "insert" | "download"): Promise<void> => {
    let checked: ReturnType<typeof check>;
    try {
      checked = check(state, units(), t);
    } catch (e) {
      onChange({ messages: [errorMessage(e)] });
      return;
    }
    if (!("ok" in checked)) {
      onChange({ messages: [], unitError: !!checked.unitError, periodError: !!checked.periodError });
      return;
    }
    onChange({ messages: [], unitError: false, periodError: false, busy: true });
    const { template, unit, period } = checked.ok;
    const layout = templateWorkbook({
      template,
      unit: { code: unit.code, name: unit.name },
      period,
      lang: t.lang,
    });
    try {
      if (mode === "insert" && excel) {
        onChange({ busy: false, messages: renderedMessages(await excel.insertLayout(layout)) });
      } else {
        // The file writer is loaded only when a file is made: it is most of the pane's weight.
        const { writeLayoutXlsx } = await import("../../io/xlsx-write");
        const name = `${template.id}_${unit.code}_${period.code}.xlsx`;
        download(name, writeLayoutXlsx(layout));
        onChange({ busy: false, messages: [said("success", (x) => x.template.downloaded(name))] });
      }
    } catch (e) {
      onChange({ busy: false, messages: [errorMessage(e)] });
    }
  };

  // A change of what the template is for makes the last message about another one.
  const change = (patch: Partial<TemplateState>): void => onChange({ ...patch, messages: [] });

  const onPick = (u: RosterUnit): void => change({ unitCode: u.code, unitError: false });

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{excel ? t.template.introHost : t.template.introBrowser}</p>
      <Field label={t.template.templateLabel}>
        <Dropdown
          value={selected.name[t.lang]}
          selectedOptions={[selected.id]}
          onOptionSelect={(_e, data) => data.optionValue && change({ templateId: data.optionValue })}
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
          onChange={(_e, d) => change({ unitCode: d.value, unitError: false })}
          inputMode="numeric"
          autoComplete="off"
          disabled={busy}
        />
      </Field>
      <PeriodField
        label={t.template.periodLabel}
        hint={t.template.periodHint}
        value={state.period}
        kinds={selected.periodKinds}
        error={errors.periodError}
        onChange={(period, invalid) => change({ period, periodError: invalid ?? false })}
        disabled={busy}
      />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run("insert")} disabled={busy}>
          {excel ? t.template.insert : t.template.downloadOnly}
        </Button>
        {excel ? (
          <Button appearance="secondary" onClick={() => void run("download")} disabled={busy}>
            {t.template.download}
          </Button>
        ) : null}
        <div role="status" aria-live="polite">
          {busy ? <Spinner size="tiny" label={excel ? t.template.working : t.template.making} /> : null}
        </div>
      </div>
      <Notices messages={messages} />
    </div>
  );
}
