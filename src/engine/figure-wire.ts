import type { UnitFigure } from "../core/submission/unit-figure";

/*
 * A submission's figures as they cross from a worker to the main thread. As objects, each figure
 * carries its property names and its cell's file and sheet names again: five sixths of an answer's
 * bytes, and most of what the main thread spends taking it in. Packed, the numbers travel in one
 * typed array and the file and sheet once; the main thread rebuilds the very same objects.
 */

export interface PackedFigures {
  file: string;
  sheet: string;
  /** The map's keys, and each figure's indicator (the same, unless a code was written oddly). */
  keys: string[];
  indicators: string[];
  /** The cell of each figure (`at`), and of its denominator or null. */
  cells: string[];
  denominatorCells: (string | null)[];
  /** Per figure: numerator, denominator, value, plan, reporting, expected; NaN for null or absent. */
  numbers: Float64Array;
}

const FIELDS = 6;
const WITHOUT_DENOMINATOR_CELL = ["indicator", "numerator", "denominator", "value", "at", "plan"];
const WITH_DENOMINATOR_CELL = [
  "indicator",
  "numerator",
  "denominator",
  "value",
  "at",
  "denominatorAt",
  "plan",
];
const ORIGIN = ["file", "sheet", "cell"];

function sameKeys(o: object, keys: string[]): boolean {
  const k = Object.keys(o);
  if (k.length !== keys.length) return false;
  for (let i = 0; i < k.length; i++) if (k[i] !== keys[i]) return false;
  return true;
}

/** The figure's own keys, with the summary counts it may end with. */
function figureKeys(f: UnitFigure): string[] {
  const base = f.denominatorAt === undefined ? WITHOUT_DENOMINATOR_CELL : WITH_DENOMINATOR_CELL;
  if (f.reporting === undefined && f.expected === undefined) return base;
  return [
    ...base,
    ...(f.reporting === undefined ? [] : ["reporting"]),
    ...(f.expected === undefined ? [] : ["expected"]),
  ];
}

function packNumber(x: number | null | undefined): number {
  return x === null || x === undefined ? NaN : x;
}

/**
 * The figures packed, or undefined when they do not have the one shape packing keeps exactly (all
 * cells on one sheet of one file, no other properties): those cross as they are.
 */
export function packFigures(figures: Map<string, UnitFigure>): PackedFigures | undefined {
  const n = figures.size;
  const numbers = new Float64Array(n * FIELDS);
  const keys: string[] = [];
  const indicators: string[] = [];
  const cells: string[] = [];
  const denominatorCells: (string | null)[] = [];
  let file: string | undefined;
  let sheet: string | undefined;
  let first = true;
  const sameOrigin = (o: { file: string; sheet?: string; cell?: string }): boolean => {
    if (!sameKeys(o, ORIGIN)) return false;
    if (first) {
      first = false;
      file = o.file;
      sheet = o.sheet;
    }
    return o.file === file && o.sheet === sheet;
  };
  let i = 0;
  for (const [key, f] of figures) {
    if (!sameKeys(f, figureKeys(f)) || !sameOrigin(f.at)) return undefined;
    if (f.denominatorAt !== undefined && !sameOrigin(f.denominatorAt)) return undefined;
    const values = [f.numerator, f.denominator, f.value, f.plan, f.reporting, f.expected];
    for (const v of values) if (typeof v === "number" && Number.isNaN(v)) return undefined;
    values.forEach((v, k) => (numbers[i * FIELDS + k] = packNumber(v)));
    keys.push(key);
    indicators.push(f.indicator);
    cells.push(f.at.cell as string);
    denominatorCells.push(f.denominatorAt === undefined ? null : (f.denominatorAt.cell as string));
    i++;
  }
  if (file === undefined || sheet === undefined) return undefined;
  return { file, sheet, keys, indicators, cells, denominatorCells, numbers };
}

/** The figures as they were before packing: the same values, properties in the same order. */
export function unpackFigures(p: PackedFigures): Map<string, UnitFigure> {
  const out = new Map<string, UnitFigure>();
  const { file, sheet, numbers } = p;
  const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
  for (let i = 0; i < p.keys.length; i++) {
    const o = i * FIELDS;
    const indicator = p.indicators[i] as string;
    const numerator = orNull(numbers[o] as number);
    const denominator = orNull(numbers[o + 1] as number);
    const value = orNull(numbers[o + 2] as number);
    const plan = orNull(numbers[o + 3] as number);
    const at = { file, sheet, cell: p.cells[i] as string };
    const dCell = p.denominatorCells[i];
    const f: UnitFigure =
      dCell === null || dCell === undefined
        ? { indicator, numerator, denominator, value, at, plan }
        : { indicator, numerator, denominator, value, at, denominatorAt: { file, sheet, cell: dCell }, plan };
    const reporting = numbers[o + 4] as number;
    const expected = numbers[o + 5] as number;
    if (!Number.isNaN(reporting)) f.reporting = reporting;
    if (!Number.isNaN(expected)) f.expected = expected;
    out.set(p.keys[i] as string, f);
  }
  return out;
}
