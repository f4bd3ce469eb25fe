import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useStrings } from "../i18n";
import type { Strings } from "../strings";

export type NoticeIntent = "info" | "success" | "warning" | "error";

export interface NoticeProps {
  intent: NoticeIntent;
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
}

/** A message in the pane; errors are announced (role alert), the rest politely (role status). */
export function Notice({ intent, title, children, onDismiss }: NoticeProps) {
  const t = useStrings();
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/**
 * A message kept as what to say in either language, not as text: switching to English re-renders
 * every message on screen, the ones already shown included.
 */
export interface Message {
  intent: NoticeIntent;
  say: (t: Strings) => string;
  title?: (t: Strings) => string;
  /** Lines under the message (each unusable file and why). */
  list?: (t: Strings) => string[];
}

/** A message from a string of the pane's words. */
export function said(intent: NoticeIntent, say: (t: Strings) => string): Message {
  return { intent, say };
}

/** A message already written in both languages (by the engine or Excel's adapters). */
export function bilingual(intent: NoticeIntent, text: { vi: string; en: string }): Message {
  return { intent, say: (t) => (t.lang === "vi" ? text.vi : text.en) };
}

/** A stack of messages, the latest action's only. */
export function Notices({ messages }: { messages: Message[] }) {
  const t = useStrings();
  return (
    <>
      {messages.map((m, i) => {
        const list = m.list?.(t) ?? [];
        return (
          <Notice
            key={`${i}-${m.intent}`}
            intent={m.intent}
            title={m.title ? m.title(t) : m.intent === "error" ? t.errorTitle : undefined}
          >
            {m.say(t)}
            {list.length > 0 ? (
              <ul style={{ margin: "4px 0 0", paddingLeft: "1.2em" }}>
                {list.map((line, j) => (
                  <li key={j}>{line}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        );
      })}
    </>
  );
}
