/** Numbers written for people: Vietnamese `1.922,9` (dot groups, comma decimals) or English `1,922.9`. */
export function formatNumber(x: number, lang: "vi" | "en" = "vi", maxDecimals = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const neg = x < 0;
  // Trailing zeros go only after a decimal point: 215000 stays 215.000, 2,50 becomes 2,5.
  const fixed = Math.abs(x)
    .toFixed(maxDecimals)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  const [int, frac] = fixed.split(".") as [string, string | undefined];
  const group = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${neg ? "-" : ""}${grouped}${frac ? dec + frac : ""}`;
}

/** Both languages at once, for bilingual messages. */
export function nums(x: number, maxDecimals = 4): { vi: string; en: string } {
  return { vi: formatNumber(x, "vi", maxDecimals), en: formatNumber(x, "en", maxDecimals) };
}
