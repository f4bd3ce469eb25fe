import { createContext, useContext } from "react";
import { ExcelActionError } from "../excel/errors";
import { STRINGS, type Lang, type Strings } from "./strings";

export const LangContext = createContext<Lang>("vi");

/** The words of the language the person chose. */
export function useStrings(): Strings {
  return STRINGS[useContext(LangContext)];
}

/**
 * An error the pane can explain in both languages: a bad input the person can correct (a roster
 * that is not one), said in the pane's words.
 */
export class PaneError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
  }
}

/** What to tell a person about an error, in their language, never an empty line. */
export function describeError(e: unknown, lang: Lang): string {
  if (e instanceof ExcelActionError || e instanceof PaneError) return lang === "vi" ? e.vi : e.en;
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/** An error as a message that follows the language switch. */
export function errorMessage(e: unknown): { intent: "error"; say: (t: Strings) => string } {
  return { intent: "error", say: (t) => describeError(e, t.lang) };
}
