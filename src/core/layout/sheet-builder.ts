import { a1 } from "../text";
import { fitRowHeights } from "./row-fit";
import type {
  ChartLayout,
  ConditionalFormat,
  LayoutCell,
  PrintSetup,
  SheetLayout,
  TableLayout,
  Validation,
} from "./types";

/** Builds a SheetLayout cell by cell with 1-based rows and columns, as Excel counts them. */
export class SheetBuilder {
  private readonly cells: (LayoutCell | null)[][] = [];
  private readonly merges: string[] = [];
  private readonly tables: TableLayout[] = [];
  private readonly validations: Validation[] = [];
  private readonly conditionalFormats: ConditionalFormat[] = [];
  private readonly charts: ChartLayout[] = [];
  private readonly rowHeights: Record<number, number> = {};
  private columns: number[] = [];
  private readonly hidden = new Set<number>();
  private readonly breaks = new Set<number>();
  private freeze?: { rows: number; cols: number };
  private print?: PrintSetup;
  private protect = false;
  private tabColor?: string;

  constructor(
    readonly name: string,
    readonly role: string,
  ) {}

  set(row: number, col: number, cell: LayoutCell): this {
    while (this.cells.length < row) this.cells.push([]);
    const r = this.cells[row - 1] as (LayoutCell | null)[];
    while (r.length < col) r.push(null);
    r[col - 1] = cell;
    return this;
  }

  /** Writes a row of cells starting at a column. */
  row(row: number, col: number, cells: (LayoutCell | null)[]): this {
    cells.forEach((c, i) => {
      if (c) this.set(row, col + i, c);
    });
    return this;
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    this.merges.push(`${a1(top, left)}:${a1(bottom, right)}`);
    return this;
  }

  widths(widths: number[]): this {
    this.columns = widths;
    return this;
  }

  /** Keeps a column out of sight and off the printed page (ids the contract needs, not people). */
  hideColumn(col: number): this {
    this.hidden.add(col);
    return this;
  }

  /** Starts a printed page at this row (a manual page break above it). */
  pageBreakBefore(row: number): this {
    if (row > 1) this.breaks.add(row);
    return this;
  }

  height(row: number, points: number): this {
    this.rowHeights[row] = points;
    return this;
  }

  table(t: TableLayout): this {
    this.tables.push(t);
    return this;
  }

  validate(v: Validation): this {
    this.validations.push(v);
    return this;
  }

  conditional(c: ConditionalFormat): this {
    this.conditionalFormats.push(c);
    return this;
  }

  chart(c: ChartLayout): this {
    this.charts.push(c);
    return this;
  }

  freezeAt(rows: number, cols: number): this {
    this.freeze = { rows, cols };
    return this;
  }

  printSetup(p: PrintSetup): this {
    this.print = p;
    return this;
  }

  protectSheet(): this {
    this.protect = true;
    return this;
  }

  tab(color: string): this {
    this.tabColor = color;
    return this;
  }

  /** Rows written so far. */
  get rowCount(): number {
    return this.cells.length;
  }

  build(): SheetLayout {
    const layout: SheetLayout = {
      name: this.name,
      role: this.role,
      cells: this.cells,
      columns: this.columns,
      merges: this.merges,
      tables: this.tables,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      protect: this.protect,
    };
    // Rows of wrapped text grow to it: a printed page never shows one row's text over the next.
    const heights = fitRowHeights({ ...layout, rowHeights: this.rowHeights });
    if (Object.keys(heights).length > 0) layout.rowHeights = heights;
    if (this.hidden.size > 0) layout.hiddenColumns = [...this.hidden].sort((a, b) => a - b);
    if (this.charts.length > 0) layout.charts = this.charts;
    if (this.freeze) layout.freeze = this.freeze;
    if (this.print) layout.print = this.print;
    if (this.breaks.size > 0 && layout.print) {
      const before = [...this.breaks].map((row) => row - 1);
      layout.print = {
        ...layout.print,
        rowBreaks: [...new Set([...(layout.print.rowBreaks ?? []), ...before])].sort((a, b) => a - b),
      };
    }
    if (this.tabColor) layout.tabColor = this.tabColor;
    return layout;
  }
}
