import { nfc } from "../text";

/** Administrative level of a roster unit (FORMATS.md §5). */
export type Level = "quoc-gia" | "tinh" | "xa" | string;

export interface RosterUnit {
  code: string;
  name: string;
  level: Level;
  /** Parent code; empty for a root. */
  parent: string;
  groups: string[];
  /** Where the unit was declared (roster file and line), for messages. */
  line?: number;
}

/** The units expected to report, as a tree: roots (usually one), their children, down to the leaves. */
export class Roster {
  readonly units: readonly RosterUnit[];
  private readonly byCode = new Map<string, RosterUnit>();
  private readonly children = new Map<string, RosterUnit[]>();

  constructor(units: RosterUnit[]) {
    this.units = units;
    for (const u of units) if (!this.byCode.has(u.code)) this.byCode.set(u.code, u);
    for (const u of this.byCode.values()) {
      if (u.parent && this.byCode.has(u.parent) && u.parent !== u.code) {
        const list = this.children.get(u.parent) ?? [];
        list.push(u);
        this.children.set(u.parent, list);
      }
    }
  }

  get(code: string): RosterUnit | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  childrenOf(code: string): RosterUnit[] {
    return this.children.get(code) ?? [];
  }

  /** Units with no parent inside the roster. */
  roots(): RosterUnit[] {
    return [...this.byCode.values()].filter(
      (u) => !u.parent || !this.byCode.has(u.parent) || u.parent === u.code,
    );
  }

  /** Units with no children: the ones that fill templates. */
  leaves(): RosterUnit[] {
    return [...this.byCode.values()].filter((u) => this.childrenOf(u.code).length === 0);
  }

  /** Every unit below a code, leaves and inner units, depth first. */
  descendants(code: string): RosterUnit[] {
    const out: RosterUnit[] = [];
    const walk = (c: string): void => {
      for (const child of this.childrenOf(c)) {
        out.push(child);
        walk(child.code);
      }
    };
    walk(code);
    return out;
  }

  /** The chain of ancestors of a code, nearest first. */
  ancestors(code: string): RosterUnit[] {
    const out: RosterUnit[] = [];
    const seen = new Set<string>([code]);
    let u = this.byCode.get(code);
    while (u && u.parent && this.byCode.has(u.parent) && !seen.has(u.parent)) {
      seen.add(u.parent);
      u = this.byCode.get(u.parent) as RosterUnit;
      out.push(u);
    }
    return out;
  }

  /** Every group named in the roster, sorted. */
  groups(): string[] {
    return [...new Set([...this.byCode.values()].flatMap((u) => u.groups))].sort();
  }

  /** A roster cut down to one unit and everything below it. */
  subtree(code: string): Roster {
    const root = this.byCode.get(code);
    if (!root) return new Roster([]);
    return new Roster([{ ...root, parent: "" }, ...this.descendants(code)]);
  }
}

/**
 * A unit code as the roster knows it. Excel turns a typed 04240 into the number 4240: when the
 * roster has exactly one code that is this one with its leading zeros, that is the unit.
 */
export function rosterCode(code: string, roster: { has(code: string): boolean } | undefined): string {
  if (!roster || roster.has(code) || !/^\d+$/.test(code)) return code;
  for (const width of [2, 5]) {
    const padded = code.padStart(width, "0");
    if (padded !== code && roster.has(padded)) return padded;
  }
  return code;
}

/** A roster row as read from a file, before checks. */
export interface RosterRow {
  code: string;
  name: string;
  level: string;
  parent: string;
  groups: string;
  line: number;
}

/** Builds a roster from rows; codes are kept as text (leading zeros matter: 04240). */
export function rosterFromRows(rows: RosterRow[]): Roster {
  return new Roster(
    rows
      .filter((r) => r.code.trim() !== "")
      .map((r) => ({
        code: r.code.trim(),
        name: nfc(r.name.trim()),
        level: r.level.trim(),
        parent: r.parent.trim(),
        groups: r.groups
          .split("|")
          .map((g) => g.trim())
          .filter(Boolean),
        line: r.line,
      })),
  );
}
