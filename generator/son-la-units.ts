import { officialUnits } from "../src/engine/official-units";
import type { RosterEntry } from "./spec";

/*
 * Real communes of Sơn La (province 14) with their codes and names from the official 2025 list
 * (data/dvhc-2025.csv). The `bien-gioi` group marks communes on the Vietnam–Laos border that we
 * are confident about; it is illustrative, not an official list.
 */

export const SON_LA = "14";
export const MUONG_LEO = "04240";

/** Border communes: Mường Lèo and Mường Lạn and Sốp Cộp (Sốp Cộp area), Chiềng Khương (Sông Mã border gate),
 * Lóng Sập and Chiềng Sơn (Mộc Châu), Phiêng Khoài (Yên Châu), Xuân Nha (Vân Hồ). */
export const BORDER_COMMUNES = [
  "04240",
  "04246",
  "04231",
  "04222",
  "04045",
  "03985",
  "04099",
  "04057",
] as const;

/** Communes of the interior: Quỳnh Nhai, Mường La, Bắc Yên, Phù Yên and Mai Sơn areas. */
export const INTERIOR_COMMUNES = [
  "03688",
  "03694",
  "03703",
  "03712",
  "03754",
  "03808",
  "03814",
  "03820",
  "03847",
  "03856",
  "03862",
  "03868",
  "03871",
  "03880",
  "03907",
  "03910",
  "03922",
  "03943",
  "03961",
  "04108",
  "04117",
  "04123",
] as const;

/** A roster of the province and the given communes, names as the official list writes them. */
export function sonLaRoster(codes: readonly string[], groups: (code: string) => string[]): RosterEntry[] {
  const official = officialUnits();
  const province = official.get(SON_LA);
  if (!province) throw new Error("Sơn La is missing from the official list");
  const out: RosterEntry[] = [{ code: SON_LA, name: province.name, level: "tinh", parent: "", groups: [] }];
  for (const code of codes) {
    const u = official.get(code);
    if (!u || u.parent !== SON_LA) throw new Error(`${code} is not a commune of Sơn La in the official list`);
    out.push({ code, name: u.name, level: "xa", parent: SON_LA, groups: groups(code) });
  }
  return out;
}

export const isBorder = (code: string): boolean => (BORDER_COMMUNES as readonly string[]).includes(code);
