import { crc32, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "../xlsx-read";

/*
 * Node's zlib for the xlsx reader: inflating a part and checking its CRC-32 in C costs about a
 * quarter of what fflate's JavaScript does, and inflating is most of the time spent reading a
 * template workbook that is not spent parsing its XML (`npm run bench`).
 */
export const nodeZipCodec: ZipCodec = {
  inflateRaw(data, limit) {
    try {
      return inflateRawSync(data, { maxOutputLength: limit });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return undefined;
      throw e;
    }
  },
  crc32: (data, crc) => crc32(data, crc),
};
