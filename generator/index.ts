/*
 * Submissions with known truth: describe a province (roster, true figures, forms, planted faults),
 * get the files a planner would receive and what a correct consolidation must report.
 */
export { generateProvince, planCsv, rosterCsv, type GeneratedFile, type GeneratedProvince } from "./generate";
export type * from "./spec";
export { isRateValue } from "./spec";
export type * from "./truth";
export { aggregate, outliers, median } from "./truth";
export { SpecError, CONVERTIBLE_UNITS } from "./rows";
export { Rng } from "./rng";
export { communeSize, ktxhValues, deAn1219Values, withoutOptional } from "./profiles";
export { encodeText, encodeWindows1258, windows1258Form, type CsvEncoding } from "./encodings";
export { toTcvn3, viNumber, viPercent, viDate, excelSerial } from "./vi-text";
export { faultProvinceSpec, type FaultProvince } from "./fault-province";
export {
  sonLaSpec,
  deAn1219Spec,
  muongLeo2026,
  sonLaTargets,
  sampleFiles,
  SAMPLE_MARKER,
  type SampleFile,
} from "./son-la";
export { BORDER_COMMUNES, INTERIOR_COMMUNES, MUONG_LEO, SON_LA, sonLaRoster } from "./son-la-units";
export {
  frontH1Spec,
  frontH1Expected,
  FRONT_H1_PLAN,
  type FrontH1,
  type FrontH1Expected,
} from "./front-quarters";
