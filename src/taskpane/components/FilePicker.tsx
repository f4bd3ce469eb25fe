import { makeStyles, tokens, useId } from "@fluentui/react-components";
import { useEffect, useRef } from "react";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  input: {
    fontSize: tokens.fontSizeBase300,
    "::file-selector-button": {
      marginRight: tokens.spacingHorizontalS,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      cursor: "pointer",
    },
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
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        className={styles.input}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(e) => onChange(Array.from(e.currentTarget.files ?? []))}
      />
      <span id={hintId} className={styles.hint}>
        {files.length > 0 && files.length <= 3 ? files.map((f) => f.name).join(", ") : summary}
        {hint ? ` — ${hint}` : ""}
      </span>
    </div>
  );
}
