import { Roster, type RosterUnit } from "../../../src/core/roster/roster";
import { editDistance, suggestUnits } from "../../../src/core/roster/suggest";
import { matchKey } from "../../../src/core/text";
import { officialUnits } from "../../../src/engine/official-units";

/*
 * suggestUnits answers from an index built once per roster: a run over another system's export asks
 * for every one of its 300,000 unknown codes, and measuring each against every roster unit made that
 * quadratic. The index must answer exactly as measuring everything did (kept here as the reference).
 */

const TITLE = /^(xa|phuong|dac khu|thi tran|tinh|thanh pho) /;

function measuredAll(roster: Roster, code: string, name?: string, limit = 3): RosterUnit[] {
  if (name && name.trim()) {
    const key = matchKey(name).replace(TITLE, "");
    const byName = roster.units.filter((u) => matchKey(u.name).replace(TITLE, "") === key);
    if (byName.length > 0) return byName.slice(0, limit);
  }
  const c = code.trim();
  if (!c) return [];
  return roster.units
    .filter((u) => u.code.length === c.length || Math.abs(u.code.length - c.length) === 1)
    .map((u) => ({ u, d: editDistance(u.code, c) }))
    .filter((x) => x.d <= 1)
    .sort((a, b) => a.d - b.d || (a.u.code < b.u.code ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.u);
}

/** A seeded generator (LCG). */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe("suggested units", () => {
  const official = officialUnits();

  it("are those measuring every unit finds: codes a keystroke away, names alike", () => {
    const r = rng(14);
    const digits = "0123456789";
    const codes = official.units.map((u) => u.code);
    const asked: { code: string; name?: string }[] = [];
    for (let k = 0; k < 200; k++) {
      const base = codes[r(codes.length)] as string;
      const at = r(base.length + 1);
      const d = digits[r(10)] as string;
      const edits = [
        base.slice(0, at) + d + base.slice(at), // one typed too many
        base.slice(0, at) + base.slice(at + 1), // one left out
        base.slice(0, at) + d + base.slice(at + 1), // one mistyped
        base.split("").reverse().join(""), // far away
      ];
      asked.push({ code: edits[r(edits.length)] as string });
    }
    for (const u of official.units.slice(0, 20)) asked.push({ code: "X", name: u.name });
    asked.push({ code: "04240", name: "Xã Không Có Thật" }, { code: " " }, { code: "1" });
    for (const q of asked) {
      expect({ q, got: suggestUnits(official, q.code, q.name).map((u) => u.code) }).toEqual({
        q,
        got: measuredAll(official, q.code, q.name).map((u) => u.code),
      });
    }
  });

  it("keep the roster's order among units that share a code, as measuring did", () => {
    const roster = new Roster([
      { code: "04240", name: "Xã Mường Lèo", level: "xa", parent: "", groups: [] },
      { code: "04241", name: "Xã A", level: "xa", parent: "", groups: [] },
      { code: "04240", name: "Xã Mường Lèo (bản trùng)", level: "xa", parent: "", groups: [] },
    ]);
    for (const code of ["04249", "0424", "042401"]) {
      const got = suggestUnits(roster, code, undefined, 5);
      expect(got).toEqual(measuredAll(roster, code, undefined, 5));
      expect(got.length).toBeGreaterThan(1);
    }
  });
});
