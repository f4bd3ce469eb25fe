import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useStrings } from "../i18n";

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

export interface Message {
  intent: NoticeIntent;
  text: string;
}

/** A stack of messages, the latest action's only. */
export function Notices({ messages }: { messages: Message[] }) {
  const t = useStrings();
  return (
    <>
      {messages.map((m, i) => (
        <Notice
          key={`${i}-${m.text}`}
          intent={m.intent}
          title={m.intent === "error" ? t.errorTitle : undefined}
        >
          {m.text}
        </Notice>
      ))}
    </>
  );
}
