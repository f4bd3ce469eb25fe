import { createContext, useContext } from "react";
import { ExcelActionError } from "../excel/errors";
import { STRINGS, type Lang, type Strings } from "./strings";

export const LangContext = createContext<Lang>("vi");

/** The words of the language the person chose. */
export function useStrings(): Strings {
  return STRINGS[useContext(LangContext)];
}

/** What to tell a person about an error, in their language, never an empty line. */
export function describeError(e: unknown, lang: Lang): string {
  if (e instanceof ExcelActionError) return lang === "vi" ? e.vi : e.en;
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
