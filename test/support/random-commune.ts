import { findTemplate, requiredIndicatorCodes } from "../../src/core/catalog/templates";
import { getIndicator } from "../../src/core/catalog/indicators";

/** A small deterministic generator, so the figures have awkward decimals. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A number the Vietnamese way (`1234,56`), quoted: the decimal comma is also the delimiter. */
function vi(x: number): string {
  const s = String(x).replace(".", ",");
  return s.includes(",") ? `"${s}"` : s;
}

/** One commune's ktxh-xa report as a long CSV (Vietnamese decimals), with random plausible figures. */
export function communeCsv(unit: string, rand: () => number): string {
  const rows = requiredIndicatorCodes(findTemplate("ktxh-xa")!).map((code) => {
    const ind = getIndicator(code);
    if (ind.kind === "rate") {
      const den = ind.denominator!.integer
        ? 200 + Math.floor(rand() * 5000)
        : Math.round((100 + rand() * 9000) * 100) / 100;
      const num = ind.numerator!.integer ? Math.floor(den * rand()) : Math.round(den * rand() * 100) / 100;
      return `${unit},2026,${code},${vi(num)},${vi(den)},`;
    }
    if (ind.kind === "score") return `${unit},2026,${code},,,${Math.floor(rand() * 11)}`;
    const v = ind.integer ? Math.floor(rand() * 9000) : Math.round(rand() * 300000) / 100;
    return `${unit},2026,${code},,,${vi(v)}`;
  });
  return ["ma_don_vi,ky_bao_cao,ma_chi_tieu,tu_so,mau_so,thuc_hien", ...rows].join("\n");
}
