/*
 * The xlsx reader: a lean, streaming reader of the parts a submission needs, hardened against
 * hostile files. Writing is the lean writer's (../xlsx-write).
 */
export {
  createXlsxReader,
  readXlsx,
  type XlsxReadOptions,
  type XlsxReadResult,
  type XlsxReader,
  type XlsxReaderContext,
} from "./read-xlsx";
export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "./limits";
export type { XlsxFailure, Bilingual } from "./failure";
export { PartMemo } from "./part-memo";
export type { ZipCodec } from "./zip-archive";
