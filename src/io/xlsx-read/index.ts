/*
 * The xlsx reader: a lean, streaming reader of the parts a submission needs, hardened against
 * hostile files. Writing is the lean writer's (../xlsx-write).
 */
export { readXlsx, type XlsxReadOptions, type XlsxReadResult } from "./read-xlsx";
export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "./limits";
export type { XlsxFailure, Bilingual } from "./failure";
export { useZipCodec, type ZipCodec } from "./zip-archive";
