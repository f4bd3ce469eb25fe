import { crc32 } from "../../../src/io/xlsx-read/crc32";

describe("crc32", () => {
  it("gives the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("continues across pieces as over the whole", () => {
    const data = new TextEncoder().encode("Tỷ lệ hộ nghèo theo chuẩn đa chiều, xã Mường Lèo, 2026");
    for (const cut of [1, 7, 8, 9, 20, data.length - 1]) {
      expect(crc32(data.subarray(cut), crc32(data.subarray(0, cut)))).toBe(crc32(data));
    }
  });
});
