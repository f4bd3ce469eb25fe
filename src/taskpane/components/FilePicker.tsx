import { Button, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // The browser's own chooser speaks the browser's language ("Choose Files", "No file chosen"):
  // it stays in the page for its label, drops and tests, out of sight and out of the Tab order; the
  // visible button below, in the pane's words, opens it.
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export interface FilePickerProps {
  label: string;
  hint?: string;
  accept: string;
  multiple?: boolean;
  files: File[];
  onChange: (files: File[]) => void;
  summary: string;
  disabled?: boolean;
}

/**
 * A native file chooser with a visible label: Fluent has no file input, and the native one is what
 * screen readers and the browsers' own dialogs know best. Files stay on this computer.
 */
export function FilePicker({
  label,
  hint,
  accept,
  multiple,
  files,
  onChange,
  summary,
  disabled,
}: FilePickerProps) {
  const t = useStrings();
  const styles = useStyles();
  const id = useId("file");
  const hintId = `${id}-hint`;
  const input = useRef<HTMLInputElement>(null);
  // The pane keeps the files chosen when the tab is left; a chooser drawn again is given them back,
  // so it does not say "No file chosen" beside a hint counting them. (Browsers without DataTransfer
  // still show the hint.)
  useEffect(() => {
    const el = input.current;
    if (!el || files.length === 0 || (el.files?.length ?? 0) > 0 || typeof DataTransfer !== "function")
      return;
    try {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(f);
      el.files = dt.files;
    } catch {
      // Left empty: the hint still names the files.
    }
  }, [files]);
  return (
    <div className={styles.root}>
      <label htmlFor={id} id={`${id}-label`} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        className={styles.input}
        type="file"
        tabIndex={-1}
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(e) => onChange(Array.from(e.currentTarget.files ?? []))}
      />
      <div className={styles.row}>
        {/* Described, not labelled, by the field's label: the label names the file input alone. */}
        <Button
          size="small"
          disabled={disabled}
          aria-describedby={`${id}-label ${hintId}`}
          onClick={() => input.current?.click()}
        >
          {multiple ? t.chooseFiles : t.chooseFile}
        </Button>
        <span id={hintId} className={styles.hint}>
          {files.length > 0 && files.length <= 3 ? files.map((f) => f.name).join(", ") : summary}
          {hint ? ` — ${hint}` : ""}
        </span>
      </div>
    </div>
  );
}
