import {
  a1,
  coerceInput,
  contains,
  ExcelError,
  checkObjectName,
  overlaps,
  parseAddress,
  quoteSheet,
  rectAddress,
  splitSheet,
  MAX_COLS,
  MAX_ROWS,
  type NameModel,
  type Rect,
  type Scalar,
  type SheetModel,
  type TableModel,
  type ChartModel,
  WorkbookModel,
} from "./model";

/*
 * A request context that behaves as Excel's does for what ChiTieu uses: proxies queue operations,
 * nothing reaches the workbook before `sync()`, a property read before it was loaded and synced throws
 * PropertyNotLoaded, errors surface at sync (operations before the failing one stay applied, as in
 * Excel), a request over Excel on the web's 5 MB payload is refused whole, and calling an API beyond
 * the requirement set the fake host supports fails with ApiNotFound. Every executed operation is logged.
 */

export interface FakeOptions {
  /** Highest ExcelApi version the fake host supports, e.g. "1.7" for Office 2019 (default "1.18"). */
  excelApi?: string;
  /** Request and response payload limit in bytes (Excel on the web: 5 MB). */
  maxPayloadBytes?: number;
}

export interface LoggedOp {
  sync: number;
  op: string;
  target: string;
  value?: unknown;
}

type Dict = Record<string, unknown>;

interface QueuedOp {
  op: string;
  payload: unknown;
  run: () => void;
  /** For loads: data delivered to the proxy after the request succeeds. */
  commit?: () => void;
  responseBytes?: () => number;
}

export function versionAtLeast(have: string, need: string): boolean {
  const [hm, hn] = have.split(".").map(Number) as [number, number];
  const [nm, nn] = need.split(".").map(Number) as [number, number];
  return hm > nm || (hm === nm && hn >= nn);
}

const PROPERTY_NOT_LOADED = (prop: string): ExcelError =>
  new ExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly log: LoggedOp[] = [];
  /** Size of each request sent, in bytes, in order. */
  readonly requests: number[] = [];
  syncCount = 0;
  private queue: QueuedOp[] = [];
  readonly excelApi: string;
  readonly maxPayloadBytes: number;

  constructor(
    readonly model: WorkbookModel = new WorkbookModel(),
    options: FakeOptions = {},
  ) {
    this.excelApi = options.excelApi ?? "1.18";
    this.maxPayloadBytes = options.maxPayloadBytes ?? 5 * 1024 * 1024;
    this.application = new FakeApplication(this, () => this.model, "application");
    this.workbook = new FakeWorkbook(this);
  }

  supports(version: string): boolean {
    return versionAtLeast(this.excelApi, version);
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  /** Queues an operation that needs `version`; on an older host it fails at sync as Excel's does. */
  need(version: string, what: string): void {
    if (!this.supports(version)) {
      this.enqueue({
        op: "api",
        payload: what,
        run: () => {
          throw new ExcelError(
            "ApiNotFound",
            `The API you are trying to use could not be found (${what} needs ExcelApi ${version}; this host has ${this.excelApi}).`,
          );
        },
      });
    }
  }

  record(op: string, target: string, value?: unknown): void {
    const entry: LoggedOp = { sync: this.syncCount + 1, op, target };
    if (value !== undefined) entry.value = value;
    this.log.push(entry);
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    // An envelope per operation, then the data it carries, as JSON: close to what Office.js sends.
    const bytes = batch.reduce((n, op) => n + 80 + op.op.length + jsonSize(op.payload), 0);
    this.requests.push(bytes);
    this.syncCount++;
    await Promise.resolve();
    if (bytes > this.maxPayloadBytes) {
      throw new ExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} > ${this.maxPayloadBytes} bytes).`,
      );
    }
    const commits: (() => void)[] = [];
    let response = 0;
    for (const op of batch) {
      op.run();
      if (op.responseBytes) response += op.responseBytes();
      if (op.commit) commits.push(op.commit);
    }
    if (response > this.maxPayloadBytes) {
      throw new ExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${response} bytes).`,
      );
    }
    for (const c of commits) c();
  }

  /** What the pane's code reaches for but the fake leaves alone. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

const UTF8 = new TextEncoder();

/** Bytes of `v` as JSON in UTF-8: Excel counts a request's size in bytes, not characters. */
function jsonSize(v: unknown): number {
  if (v === undefined) return 0;
  try {
    return UTF8.encode(JSON.stringify(v)).length;
  } catch {
    return 100;
  }
}

/* ---------- proxies ---------- */

interface PropSpec<M> {
  get?: (m: M) => unknown;
  set?: (m: M, v: unknown) => void;
  /** ExcelApi version the property needs (1.1 when absent). */
  v?: string;
}

abstract class FakeObject<M> {
  private readonly loadedValues = new Map<string, unknown>();
  private cached: { m: M | null } | undefined;
  private loadedOnce = false;
  protected abstract readonly specs: Record<string, PropSpec<M>>;
  protected readonly navs: Record<string, () => { load(props?: string): unknown }> = {};

  constructor(
    readonly ctx: FakeRequestContext,
    private readonly resolver: () => M | null,
    readonly path: string,
    private readonly nullable = false,
  ) {}

  /** Wires accessors for every spec'd property: reads need a load and a sync, writes queue an operation. */
  protected defineProps(): void {
    for (const [name, spec] of Object.entries(this.specs)) {
      Object.defineProperty(this, name, {
        configurable: true,
        enumerable: true,
        get: () => {
          if (!this.loadedValues.has(name)) throw PROPERTY_NOT_LOADED(name);
          return this.loadedValues.get(name);
        },
        set: (v: unknown) => {
          if (!spec.set) throw new ExcelError("InvalidOperation", `The property '${name}' is read-only.`);
          if (spec.v) this.ctx.need(spec.v, `${this.constructor.name}.${name}`);
          const setter = spec.set;
          this.ctx.enqueue({
            op: `set ${name}`,
            payload: v,
            run: () => {
              const m = this.resolve();
              setter(m, v);
              this.ctx.record(name, this.describe(m), v);
            },
          });
        },
      });
    }
  }

  /** The model object, resolved at the first operation that runs and kept, as Office tracks ids. */
  resolve(): M {
    if (!this.cached) this.cached = { m: this.resolver() };
    if (this.cached.m === null) {
      throw new ExcelError("ItemNotFound", `The requested resource doesn't exist (${this.path}).`);
    }
    return this.cached.m;
  }

  protected tryResolve(): M | null {
    if (!this.cached) this.cached = { m: this.resolver() };
    return this.cached.m;
  }

  /** Forces the proxy to a known model (objects created by `add`). */
  protected bind(m: M): void {
    this.cached = { m };
  }

  describe(_m: M): string {
    return this.path;
  }

  get isNullObject(): boolean {
    if (!this.loadedOnce) throw PROPERTY_NOT_LOADED("isNullObject");
    return this.loadedValues.get("$null") === true;
  }

  toJSON(): Dict {
    return Object.fromEntries(this.loadedValues);
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = normaliseProps(props, Object.keys(this.specs));
    const own: string[] = [];
    for (const p of list) {
      const [head, ...rest] = p.split("/") as [string, ...string[]];
      const nav = this.navs[head];
      if (nav && rest.length > 0) nav().load(rest.join("/"));
      else if (nav) nav().load();
      else own.push(head);
    }
    for (const p of own) {
      if (!(p in this.specs)) {
        throw new ExcelError(
          "InvalidArgument",
          `Cannot load unknown property '${p}' of ${this.constructor.name}.`,
        );
      }
      const v = this.specs[p]!.v;
      if (v) this.ctx.need(v, `${this.constructor.name}.${p}`);
    }
    let snapshot: Map<string, unknown> | undefined;
    this.ctx.enqueue({
      op: "load",
      payload: own,
      run: () => {
        snapshot = new Map();
        const m = this.nullable ? this.tryResolve() : this.resolve();
        if (m === null) {
          snapshot.set("$null", true);
          return;
        }
        for (const p of own) snapshot.set(p, clone(this.specs[p]!.get!(m)));
      },
      responseBytes: () => (snapshot ? jsonSize(Object.fromEntries(snapshot)) : 0),
      commit: () => {
        this.loadedOnce = true;
        this.loadedValues.set("$null", false);
        for (const [k, v] of snapshot ?? []) this.loadedValues.set(k, v);
      },
    });
    return this;
  }

  /** Queues a method call that changes the workbook. */
  protected call(name: string, payload: unknown, run: (m: M) => void, version?: string): void {
    if (version) this.ctx.need(version, `${this.constructor.name}.${name}`);
    this.ctx.enqueue({
      op: name,
      payload,
      run: () => {
        const m = this.resolve();
        run(m);
        this.ctx.record(name, this.describe(m), payload);
      },
    });
  }

  /** Lets a collection hand loaded values to the item proxies it creates. */
  deliver(values: Map<string, unknown>): void {
    this.loadedOnce = true;
    this.loadedValues.set("$null", false);
    for (const [k, v] of values) this.loadedValues.set(k, v);
  }

  snapshotOf(m: M, props: string[]): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const p of props) {
      const spec = this.specs[p];
      if (!spec?.get) throw new ExcelError("InvalidArgument", `Cannot load unknown property '${p}'.`);
      out.set(p, clone(spec.get(m)));
    }
    return out;
  }

  propNames(): string[] {
    return Object.keys(this.specs).filter((k) => this.specs[k]!.get && !this.specs[k]!.v);
  }
}

function normaliseProps(props: string | string[] | { select?: string } | undefined, all: string[]): string[] {
  if (props === undefined) return all;
  if (Array.isArray(props))
    return props
      .flatMap((p) => p.split(","))
      .map((p) => p.trim())
      .filter(Boolean);
  if (typeof props === "string") {
    return props
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
  }
  return normaliseProps(props.select ?? "", all);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** A collection: `items` after `load("items/…")` (or `load("name")`) and a sync. */
abstract class FakeCollection<M, P extends FakeObject<M>> {
  private loadedItems: P[] | undefined;

  constructor(
    readonly ctx: FakeRequestContext,
    readonly path: string,
  ) {}

  protected abstract list(): M[];
  protected abstract proxyFor(m: M): P;

  get items(): P[] {
    if (!this.loadedItems) throw PROPERTY_NOT_LOADED("items");
    return this.loadedItems;
  }

  load(props?: string | string[]): this {
    const raw = Array.isArray(props) ? props.join(",") : (props ?? "");
    const names = raw
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    let snapshot: { m: M; values: Map<string, unknown> }[] | undefined;
    this.ctx.enqueue({
      op: "load",
      payload: names,
      run: () => {
        snapshot = this.list().map((m) => {
          const proxy = this.proxyFor(m);
          return { m, values: proxy.snapshotOf(m, names.length > 0 ? names : proxy.propNames()) };
        });
      },
      responseBytes: () => (snapshot ? jsonSize(snapshot.map((s) => Object.fromEntries(s.values))) : 0),
      commit: () => {
        this.loadedItems = (snapshot ?? []).map((s) => {
          const p = this.proxyFor(s.m);
          p.deliver(s.values);
          return p;
        });
      },
    });
    return this;
  }
}

/* ---------- workbook ---------- */

export class FakeApplication extends FakeObject<WorkbookModel> {
  protected readonly specs: Record<string, PropSpec<WorkbookModel>> = {
    calculationMode: { get: () => "Automatic" },
  };
  constructor(...args: ConstructorParameters<typeof FakeObject<WorkbookModel>>) {
    super(...args);
    this.defineProps();
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", null, () => undefined, "1.9");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", null, () => undefined, "1.6");
  }
}

export class FakeWorkbook extends FakeObject<WorkbookModel> {
  protected readonly specs: Record<string, PropSpec<WorkbookModel>> = {};
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.model, "workbook");
    this.worksheets = new FakeWorksheetCollection(ctx, "workbook.worksheets");
    this.names = new FakeNamedItemCollection(ctx, "workbook.names", () => undefined);
    this.tables = new FakeTableCollection(ctx, "workbook.tables", () => undefined);
    this.application = ctx.application;
  }

  get protection(): FakeWorkbookProtection {
    return new FakeWorkbookProtection(this.ctx, () => this.ctx.model, "workbook.protection");
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sel = this.ctx.model.selection;
        const sheet = sel ? this.ctx.model.sheetOrThrow(sel.sheet) : this.ctx.model.activeSheet!;
        return { sheet, rect: parseAddress(sel?.address ?? "A1") };
      },
      "selection",
    );
  }
}

export class FakeWorkbookProtection extends FakeObject<WorkbookModel> {
  protected readonly specs: Record<string, PropSpec<WorkbookModel>> = {
    protected: { get: (m) => m.structureProtected, v: "1.7" },
  };
  constructor(...args: ConstructorParameters<typeof FakeObject<WorkbookModel>>) {
    super(...args);
    this.defineProps();
    this.ctx.need("1.7", "Workbook.protection");
  }
}

/* ---------- worksheets ---------- */

export class FakeWorksheetCollection extends FakeCollection<SheetModel, FakeWorksheet> {
  private readonly proxies = new Map<SheetModel, FakeWorksheet>();

  protected list(): SheetModel[] {
    return this.ctx.model.sheets;
  }

  protected proxyFor(m: SheetModel): FakeWorksheet {
    let p = this.proxies.get(m);
    if (!p) {
      p = new FakeWorksheet(this.ctx, () => m, `worksheet(${m.name})`);
      this.proxies.set(m, p);
    }
    return p;
  }

  add(name?: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.ctx, () => null, `worksheets.add(${name ?? ""})`);
    sheet.bindLater(() => this.ctx.model.addSheet(name), name);
    return sheet;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheetOrThrow(key), `worksheets.getItem(${key})`);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.need("1.4", "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.model.sheet(key) ?? null,
      `worksheets.getItemOrNullObject(${key})`,
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.model.activeSheet ?? this.ctx.model.sheets[0] ?? null,
      "activeWorksheet",
    );
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  protected readonly specs: Record<string, PropSpec<SheetModel>> = {
    name: { get: (m) => m.name, set: (m, v) => m.workbook.renameSheet(m, String(v)) },
    id: { get: (m) => m.id },
    position: {
      get: (m) => m.workbook.sheets.indexOf(m),
      set: (m, v) => {
        const list = m.workbook.sheets;
        list.splice(list.indexOf(m), 1);
        list.splice(Math.max(0, Math.min(list.length, Number(v))), 0, m);
      },
    },
    visibility: { get: (m) => m.visibility },
    tabColor: { get: (m) => m.tabColor, set: (m, v) => (m.tabColor = String(v)), v: "1.7" },
  };

  constructor(...args: ConstructorParameters<typeof FakeObject<SheetModel>>) {
    super(...args);
    this.defineProps();
    this.navs.protection = () => this.protection;
  }

  /** `worksheets.add`: the sheet comes into being when the queued add runs. */
  bindLater(create: () => SheetModel, name: string | undefined): void {
    this.ctx.enqueue({
      op: "worksheets.add",
      payload: name ?? null,
      run: () => {
        const m = create();
        this.bind(m);
        this.ctx.record("worksheets.add", m.name);
      },
    });
  }

  override describe(m: SheetModel): string {
    return m.name;
  }

  delete(): void {
    this.call("delete", null, (m) => m.workbook.deleteSheet(m));
  }

  activate(): void {
    this.call("activate", null, (m) => (m.workbook.activeSheet = m));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const m = this.resolve();
        return { sheet: m, rect: address ? parseAddress(splitSheet(address).local) : wholeSheet() };
      },
      `${this.path}.getRange(${address ?? ""})`,
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const m = this.resolve();
        return { sheet: m, rect: m.usedRect(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
      },
      `${this.path}.getUsedRange()`,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.need("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.ctx,
      () => {
        const m = this.resolve();
        const rect = m.usedRect(valuesOnly);
        return rect ? { sheet: m, rect } : null;
      },
      `${this.path}.getUsedRangeOrNullObject()`,
      true,
    );
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, `${this.path}.tables`, () => this.resolve());
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, () => this.resolve(), `${this.path}.charts`);
  }

  get names(): FakeNamedItemCollection {
    this.ctx.need("1.4", "Worksheet.names");
    return new FakeNamedItemCollection(this.ctx, `${this.path}.names`, () => this.resolve());
  }

  get protection(): FakeWorksheetProtection {
    this.ctx.need("1.2", "Worksheet.protection");
    return new FakeWorksheetProtection(this.ctx, () => this.resolve(), `${this.path}.protection`);
  }

  get freezePanes(): FakeFreezePanes {
    this.ctx.need("1.7", "Worksheet.freezePanes");
    return new FakeFreezePanes(this.ctx, () => this.resolve(), `${this.path}.freezePanes`);
  }

  get pageLayout(): FakePageLayout {
    this.ctx.need("1.9", "Worksheet.pageLayout");
    return new FakePageLayout(this.ctx, () => this.resolve(), `${this.path}.pageLayout`);
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    this.ctx.need("1.9", "Worksheet.horizontalPageBreaks");
    return new FakePageBreakCollection(
      this.ctx,
      () => this.resolve(),
      `${this.path}.horizontalPageBreaks`,
      "rows",
    );
  }

  get verticalPageBreaks(): FakePageBreakCollection {
    this.ctx.need("1.9", "Worksheet.verticalPageBreaks");
    return new FakePageBreakCollection(
      this.ctx,
      () => this.resolve(),
      `${this.path}.verticalPageBreaks`,
      "cols",
    );
  }

  get notes(): FakeNoteCollection {
    this.ctx.need("1.18", "Worksheet.notes");
    return new FakeNoteCollection(this.ctx, () => this.resolve(), `${this.path}.notes`);
  }
}

function wholeSheet(): Rect {
  return { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
}

export class FakeWorksheetProtection extends FakeObject<SheetModel> {
  protected readonly specs: Record<string, PropSpec<SheetModel>> = {
    protected: { get: (m) => m.protection.protected },
    options: { get: (m) => m.protection.options ?? {} },
  };
  constructor(...args: ConstructorParameters<typeof FakeObject<SheetModel>>) {
    super(...args);
    this.defineProps();
  }
  protect(options?: Dict, password?: string): void {
    if (password !== undefined) this.ctx.need("1.7", "WorksheetProtection.protect(password)");
    this.call("protect", options ?? null, (m) => {
      if (m.protection.protected) throw new ExcelError("InvalidOperation", "The sheet is already protected.");
      m.protection = { protected: true, options: options ?? {} };
    });
  }
  unprotect(): void {
    this.call("unprotect", null, (m) => (m.protection = { protected: false }));
  }
}

export class FakeFreezePanes extends FakeObject<SheetModel> {
  protected readonly specs: Record<string, PropSpec<SheetModel>> = {};
  freezeAt(range: FakeRange | string): void {
    const addr = typeof range === "string" ? range : null;
    this.call("freezeAt", addr ?? (range as FakeRange).path, (m) => {
      const r = typeof range === "string" ? parseAddress(range) : (range as FakeRange).resolve().rect;
      if (r.top !== 1 || r.left !== 1) {
        throw new ExcelError("InvalidArgument", "freezeAt needs a range from the top-left cell.");
      }
      m.freeze = { rows: r.bottom === MAX_ROWS ? 0 : r.bottom, cols: r.right === MAX_COLS ? 0 : r.right };
    });
  }
  freezeRows(count = 1): void {
    this.call("freezeRows", count, (m) => (m.freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.call("freezeColumns", count, (m) => (m.freeze = { rows: 0, cols: count }));
  }
  unfreeze(): void {
    this.call("unfreeze", null, (m) => (m.freeze = null));
  }
}

const PAGE_PROPS = [
  "orientation",
  "paperSize",
  "zoom",
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
  "centerHorizontally",
  "printGridlines",
] as const;

export class FakePageLayout extends FakeObject<SheetModel> {
  protected readonly specs: Record<string, PropSpec<SheetModel>> = Object.fromEntries(
    PAGE_PROPS.map((p) => [
      p,
      {
        get: (m: SheetModel) => m.pageLayout[p],
        set: (m: SheetModel, v: unknown) => {
          if (p === "orientation" && v !== "Portrait" && v !== "Landscape") {
            throw new ExcelError("InvalidArgument", `Bad orientation ${String(v)}`);
          }
          m.pageLayout[p] = v;
        },
      },
    ]),
  );
  constructor(...args: ConstructorParameters<typeof FakeObject<SheetModel>>) {
    super(...args);
    this.defineProps();
  }
  /** `headersFooters.defaultForAllPages.centerFooter` and its siblings: kept as `footer.center`… */
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const enqueue = (key: string, v: string): void =>
      this.call(`headersFooters.defaultForAllPages.${key}`, v, (m) => {
        m.pageLayout[`defaultForAllPages.${key}`] = v;
      });
    const page: Record<string, string> = {};
    for (const key of [
      "leftHeader",
      "centerHeader",
      "rightHeader",
      "leftFooter",
      "centerFooter",
      "rightFooter",
    ]) {
      Object.defineProperty(page, key, {
        get: () => {
          throw PROPERTY_NOT_LOADED(key);
        },
        set: (v: string) => enqueue(key, v),
      });
    }
    return { defaultForAllPages: page };
  }

  setPrintTitleColumns(columns: string): void {
    this.call("setPrintTitleColumns", columns, (m) => {
      parseAddress(columns);
      m.pageLayout.printTitleColumns = columns;
    });
  }

  setPrintTitleRows(rows: string): void {
    this.call("setPrintTitleRows", rows, (m) => {
      parseAddress(rows);
      m.pageLayout.printTitleRows = rows;
    });
  }
}

/** Manual page breaks, kept as the rows (or columns) a new page starts at: `pageLayout.rowBreaksBefore`… */
export class FakePageBreakCollection extends FakeObject<SheetModel> {
  protected readonly specs: Record<string, PropSpec<SheetModel>> = {};
  constructor(
    ctx: FakeRequestContext,
    resolve: () => SheetModel | null,
    path: string,
    private readonly along: "rows" | "cols",
  ) {
    super(ctx, resolve, path);
  }
  add(range: FakeRange | string): void {
    this.call("pageBreaks.add", typeof range === "string" ? range : range.path, (m) => {
      const r = typeof range === "string" ? parseAddress(splitSheet(range).local) : range.resolve().rect;
      const key = this.along === "rows" ? "rowBreaksBefore" : "colBreaksBefore";
      const list = (m.pageLayout[key] as number[] | undefined) ?? [];
      list.push(this.along === "rows" ? r.top : r.left);
      m.pageLayout[key] = list;
    });
  }
}

export class FakeNoteCollection extends FakeObject<SheetModel> {
  protected readonly specs: Record<string, PropSpec<SheetModel>> = {};
  add(cell: FakeRange | string, content: string): void {
    this.call("notes.add", { cell: typeof cell === "string" ? cell : cell.path, content }, (m) => {
      const r = typeof cell === "string" ? parseAddress(splitSheet(cell).local) : cell.resolve().rect;
      const key = a1(r.top, r.left);
      if (m.notes.has(key)) throw new ExcelError("InvalidArgument", `A note already exists at ${key}.`);
      m.notes.set(key, content);
    });
  }
}

/* ---------- ranges ---------- */

export interface RangeModel {
  sheet: SheetModel;
  rect: Rect;
}

function grid<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

function assertShape(r: Rect, v: unknown, prop: string): unknown[][] {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new ExcelError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}, ${rows}×${cols}).`,
    );
  }
  return v as unknown[][];
}

function assertBounded(r: Rect): void {
  if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 4_000_000) {
    throw new ExcelError("InvalidOperation", "The range is too large for this operation in the fake.");
  }
}

function valueType(c: { value: unknown; error?: string } | undefined): string {
  if (!c || c.value === "") return c?.error ? "Error" : "Empty";
  if (c.error) return "Error";
  return typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String";
}

function writeCells(m: RangeModel, v: unknown, prop: string): void {
  const rows = assertShape(m.rect, v, prop);
  m.sheet.assertEditable(m.rect, `writing ${prop} to`);
  rows.forEach((row, i) =>
    row.forEach((input, j) => {
      if (input === null) return;
      if (typeof input === "object") throw new ExcelError("InvalidArgument", `Bad ${prop} value.`);
      const c = m.sheet.ensure(m.rect.top + i, m.rect.left + j);
      const got = coerceInput(input as Scalar, c.numFmt);
      c.value = got.value;
      delete c.error;
      if (got.formula) {
        c.formula = got.formula;
        if (/^=\s*[+\-@]?[A-Za-zĐđ]/.test(got.formula) && !/^=[A-Z]+\(/.test(got.formula)) {
          // Text that became a formula naming nothing: Excel shows #NAME?.
          c.error = "#NAME?";
        }
      } else delete c.formula;
      if (got.numFmt) c.numFmt = got.numFmt;
    }),
  );
}

export class FakeRange extends FakeObject<RangeModel> {
  protected readonly specs: Record<string, PropSpec<RangeModel>> = {
    address: { get: (m) => `${quoteSheet(m.sheet.name)}!${rectAddress(m.rect)}` },
    addressLocal: { get: (m) => `${quoteSheet(m.sheet.name)}!${rectAddress(m.rect)}` },
    rowCount: { get: (m) => m.rect.bottom - m.rect.top + 1 },
    columnCount: { get: (m) => m.rect.right - m.rect.left + 1 },
    rowIndex: { get: (m) => m.rect.top - 1 },
    columnIndex: { get: (m) => m.rect.left - 1 },
    values: {
      get: (m) => {
        assertBounded(m.rect);
        return grid(m.rect, (r, c) => {
          const cell = m.sheet.cell(r, c);
          return cell?.error ?? cell?.value ?? "";
        });
      },
      set: (m, v) => writeCells(m, v, "values"),
    },
    formulas: {
      get: (m) => {
        assertBounded(m.rect);
        return grid(m.rect, (r, c) => {
          const cell = m.sheet.cell(r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      },
      set: (m, v) => writeCells(m, v, "formulas"),
    },
    numberFormat: {
      get: (m) => {
        assertBounded(m.rect);
        return grid(m.rect, (r, c) => m.sheet.cell(r, c)?.numFmt ?? "General");
      },
      set: (m, v) => {
        const rows = assertShape(m.rect, v, "numberFormat");
        m.sheet.assertEditable(m.rect, "formatting");
        rows.forEach((row, i) =>
          row.forEach((f, j) => {
            if (f === null) return;
            if (typeof f !== "string") throw new ExcelError("InvalidArgument", "A number format is text.");
            m.sheet.ensure(m.rect.top + i, m.rect.left + j).numFmt = f === "" ? "General" : f;
          }),
        );
      },
    },
    valueTypes: {
      get: (m) => {
        assertBounded(m.rect);
        return grid(m.rect, (r, c) => valueType(m.sheet.cell(r, c)));
      },
    },
    columnHidden: {
      get: (m) => m.sheet.hiddenColumns.has(m.rect.left),
      set: (m, v) => {
        if (m.rect.top !== 1 || m.rect.bottom !== MAX_ROWS)
          throw new ExcelError("InvalidArgument", "columnHidden is set on whole columns.");
        for (let c = m.rect.left; c <= m.rect.right; c++) {
          if (v) m.sheet.hiddenColumns.add(c);
          else m.sheet.hiddenColumns.delete(c);
        }
      },
      v: "1.2",
    },
    text: {
      get: (m) => {
        assertBounded(m.rect);
        return grid(m.rect, (r, c) => {
          const cell = m.sheet.cell(r, c);
          return cell?.error ?? String(cell?.value ?? "");
        });
      },
    },
    hyperlink: {
      get: (m) => m.sheet.cell(m.rect.top, m.rect.left)?.hyperlink ?? null,
      set: (m, v) => {
        m.sheet.assertEditable(m.rect, "linking");
        m.sheet.ensure(m.rect.top, m.rect.left).hyperlink = v;
      },
      v: "1.7",
    },
  };

  constructor(...args: ConstructorParameters<typeof FakeObject<RangeModel>>) {
    super(...args);
    this.defineProps();
    this.navs.format = () => this.format;
    this.navs.worksheet = () => this.worksheet;
  }

  override describe(m: RangeModel): string {
    return `${m.sheet.name}!${rectAddress(m.rect)}`;
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, () => this.resolve(), `${this.path}.format`);
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.resolve().sheet, `${this.path}.worksheet`);
  }

  get dataValidation(): FakeDataValidation {
    this.ctx.need("1.8", "Range.dataValidation");
    return new FakeDataValidation(this.ctx, () => this.resolve(), `${this.path}.dataValidation`);
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ctx.need("1.6", "Range.conditionalFormats");
    return new FakeConditionalFormatCollection(
      this.ctx,
      () => this.resolve(),
      `${this.path}.conditionalFormats`,
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const m = this.resolve();
        const r = m.rect.top + row;
        const c = m.rect.left + column;
        return { sheet: m.sheet, rect: { top: r, left: c, bottom: r, right: c } };
      },
      `${this.path}.getCell(${row},${column})`,
    );
  }

  merge(across = false): void {
    this.call(
      "merge",
      across,
      (m) => {
        m.sheet.assertUnprotected("Merging cells");
        for (const t of m.sheet.workbook.tables) {
          if (t.sheet === m.sheet && overlaps(t.rect, m.rect)) {
            throw new ExcelError("InvalidOperation", "Cells in a table can't be merged.");
          }
        }
        const areas: Rect[] = across
          ? Array.from({ length: m.rect.bottom - m.rect.top + 1 }, (_, i) => ({
              ...m.rect,
              top: m.rect.top + i,
              bottom: m.rect.top + i,
            }))
          : [m.rect];
        for (const area of areas) {
          if (m.sheet.merges.some((x) => overlaps(x, area))) {
            throw new ExcelError("InvalidOperation", "Cannot merge cells that overlap a merged area.");
          }
          // Merging keeps only the top-left value, as Excel does.
          for (let r = area.top; r <= area.bottom; r++) {
            for (let c = area.left; c <= area.right; c++) {
              if (r === area.top && c === area.left) continue;
              const cell = m.sheet.cell(r, c);
              if (cell) {
                cell.value = "";
                delete cell.formula;
              }
            }
          }
          m.sheet.merges.push(area);
        }
      },
      "1.2",
    );
  }

  select(): void {
    this.call("select", null, (m) => {
      m.sheet.workbook.activeSheet = m.sheet;
      m.sheet.workbook.selection = { sheet: m.sheet.name, address: rectAddress(m.rect) };
    });
  }
}

/** Direct formatting of every cell of a range, kept per cell under a path such as `font.bold`. */
function formatSpec(path: string, version?: string): PropSpec<RangeModel> {
  return {
    get: (m) => m.sheet.cell(m.rect.top, m.rect.left)?.format[path] ?? null,
    set: (m, v) => {
      m.sheet.assertEditable(m.rect, "formatting");
      assertBounded(m.rect);
      for (let r = m.rect.top; r <= m.rect.bottom; r++) {
        for (let c = m.rect.left; c <= m.rect.right; c++) m.sheet.ensure(r, c).format[path] = v;
      }
    },
    ...(version ? { v: version } : {}),
  };
}

export class FakeRangeFormat extends FakeObject<RangeModel> {
  protected readonly specs: Record<string, PropSpec<RangeModel>> = {
    horizontalAlignment: formatSpec("horizontalAlignment"),
    verticalAlignment: formatSpec("verticalAlignment"),
    wrapText: formatSpec("wrapText"),
    columnWidth: {
      get: (m) => m.sheet.columnWidths.get(m.rect.left) ?? 48,
      set: (m, v) => {
        for (let c = m.rect.left; c <= m.rect.right; c++) m.sheet.columnWidths.set(c, Number(v));
      },
      v: "1.2",
    },
    rowHeight: {
      get: (m) => m.sheet.rowHeights.get(m.rect.top) ?? 15,
      set: (m, v) => {
        for (let r = m.rect.top; r <= Math.min(m.rect.bottom, m.rect.top + 100000); r++) {
          m.sheet.rowHeights.set(r, Number(v));
        }
      },
      v: "1.2",
    },
  };
  constructor(...args: ConstructorParameters<typeof FakeObject<RangeModel>>) {
    super(...args);
    this.defineProps();
    this.navs.font = () => this.font;
    this.navs.fill = () => this.fill;
  }
  get font(): FakeFormatPart {
    return new FakeFormatPart(this.ctx, () => this.resolve(), `${this.path}.font`, "font", [
      "name",
      "size",
      "bold",
      "italic",
      "underline",
      "color",
    ]);
  }
  get fill(): FakeFormatPart {
    return new FakeFormatPart(this.ctx, () => this.resolve(), `${this.path}.fill`, "fill", ["color"]);
  }
  get borders(): FakeBorders {
    return new FakeBorders(this.ctx, () => this.resolve(), `${this.path}.borders`);
  }
  get protection(): FakeFormatProtection {
    this.ctx.need("1.2", "RangeFormat.protection");
    return new FakeFormatProtection(this.ctx, () => this.resolve(), `${this.path}.protection`);
  }
}

export class FakeFormatPart extends FakeObject<RangeModel> {
  protected readonly specs: Record<string, PropSpec<RangeModel>>;
  constructor(
    ctx: FakeRequestContext,
    resolver: () => RangeModel | null,
    path: string,
    prefix: string,
    props: string[],
  ) {
    super(ctx, resolver, path);
    this.specs = Object.fromEntries(props.map((p) => [p, formatSpec(`${prefix}.${p}`)]));
    this.defineProps();
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

export class FakeBorders extends FakeObject<RangeModel> {
  protected readonly specs: Record<string, PropSpec<RangeModel>> = {};
  getItem(index: string): FakeFormatPart {
    if (!BORDER_INDEXES.includes(index)) throw new ExcelError("InvalidArgument", `Bad border index ${index}`);
    return new FakeFormatPart(this.ctx, () => this.resolve(), `${this.path}.${index}`, `borders.${index}`, [
      "style",
      "color",
      "weight",
    ]);
  }
}

export class FakeFormatProtection extends FakeObject<RangeModel> {
  protected readonly specs: Record<string, PropSpec<RangeModel>> = {
    locked: {
      get: (m) => m.sheet.cell(m.rect.top, m.rect.left)?.locked ?? true,
      set: (m, v) => {
        m.sheet.assertUnprotected("Changing the lock of cells");
        assertBounded(m.rect);
        for (let r = m.rect.top; r <= m.rect.bottom; r++) {
          for (let c = m.rect.left; c <= m.rect.right; c++) m.sheet.ensure(r, c).locked = v !== false;
        }
      },
    },
  };
  constructor(...args: ConstructorParameters<typeof FakeObject<RangeModel>>) {
    super(...args);
    this.defineProps();
  }
}

/* ---------- validation and conditional formats ---------- */

const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"];
const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

function validationOf(m: RangeModel) {
  m.sheet.assertUnprotected("Changing data validation");
  let v = m.sheet.validations.find((x) => x.rect.top === m.rect.top && x.rect.left === m.rect.left);
  if (!v || !contains(v.rect, m.rect)) {
    // A new rule replaces whatever overlapped, as setting it in Excel's dialog does.
    for (let i = m.sheet.validations.length - 1; i >= 0; i--) {
      if (overlaps(m.sheet.validations[i]!.rect, m.rect)) m.sheet.validations.splice(i, 1);
    }
    v = { rect: m.rect };
    m.sheet.validations.push(v);
  }
  return v;
}

function limit(text: unknown, max: number, what: string): void {
  if (typeof text === "string" && text.length > max) {
    throw new ExcelError("InvalidArgument", `The ${what} is longer than ${max} characters.`);
  }
}

export class FakeDataValidation extends FakeObject<RangeModel> {
  protected readonly specs: Record<string, PropSpec<RangeModel>> = {
    rule: {
      get: (m) => m.sheet.validations.find((x) => overlaps(x.rect, m.rect))?.rule ?? null,
      set: (m, v) => {
        const kinds = Object.keys((v ?? {}) as Dict).filter((k) => RULE_KINDS.includes(k));
        if (kinds.length !== 1) throw new ExcelError("InvalidArgument", "A validation rule has one kind.");
        const body = (v as Dict)[kinds[0]!] as Dict;
        if (body.operator !== undefined && !OPERATORS.includes(String(body.operator))) {
          throw new ExcelError("InvalidArgument", `Bad validation operator ${String(body.operator)}.`);
        }
        if (kinds[0] === "custom" && !String(body.formula ?? "").startsWith("=")) {
          throw new ExcelError("InvalidArgument", "A custom validation formula starts with '='.");
        }
        validationOf(m).rule = v;
      },
      v: "1.8",
    },
    prompt: {
      get: (m) => m.sheet.validations.find((x) => overlaps(x.rect, m.rect))?.prompt ?? null,
      set: (m, v) => {
        const p = v as Dict;
        limit(p.title, 32, "input message title");
        limit(p.message, 255, "input message");
        validationOf(m).prompt = v;
      },
      v: "1.8",
    },
    errorAlert: {
      get: (m) => m.sheet.validations.find((x) => overlaps(x.rect, m.rect))?.errorAlert ?? null,
      set: (m, v) => {
        const p = v as Dict;
        limit(p.title, 32, "error title");
        limit(p.message, 225, "error message");
        validationOf(m).errorAlert = v;
      },
      v: "1.8",
    },
    ignoreBlanks: {
      get: (m) => m.sheet.validations.find((x) => overlaps(x.rect, m.rect))?.ignoreBlanks ?? true,
      set: (m, v) => (validationOf(m).ignoreBlanks = Boolean(v)),
      v: "1.8",
    },
  };
  constructor(...args: ConstructorParameters<typeof FakeObject<RangeModel>>) {
    super(...args);
    this.defineProps();
  }
}

export class FakeConditionalFormatCollection extends FakeObject<RangeModel> {
  protected readonly specs: Record<string, PropSpec<RangeModel>> = {};
  add(type: string): FakeConditionalFormat {
    let created: { settings: Dict } | undefined;
    this.call("conditionalFormats.add", type, (m) => {
      if (!["CellValue", "IconSet", "ContainsText", "Custom", "DataBar", "ColorScale"].includes(type)) {
        throw new ExcelError("InvalidArgument", `Bad conditional format type ${type}.`);
      }
      m.sheet.assertUnprotected("Adding conditional formatting");
      const cf = { rect: m.rect, type, settings: {} as Dict };
      m.sheet.conditionalFormats.push(cf);
      created = cf;
    });
    return new FakeConditionalFormat(this.ctx, () => created ?? null, `${this.path}.add(${type})`);
  }
}

export class FakeConditionalFormat extends FakeObject<{ settings: Dict }> {
  protected readonly specs: Record<string, PropSpec<{ settings: Dict }>> = {};
  private part(name: string, props: string[]): FakeSettings {
    return new FakeSettings(this.ctx, () => this.resolve(), `${this.path}.${name}`, name, props);
  }
  get cellValue(): FakeSettings {
    return this.part("cellValue", ["rule", "format.font.color", "format.fill.color"]);
  }
  get iconSet(): FakeSettings {
    return this.part("iconSet", ["style", "reverseIconOrder", "showIconOnly", "criteria"]);
  }
  get textComparison(): FakeSettings {
    return this.part("textComparison", ["rule", "format.font.color", "format.fill.color"]);
  }
}

/** A corner of a conditional format's settings; `format.font.color` style paths are flattened. */
export class FakeSettings extends FakeObject<{ settings: Dict }> {
  protected readonly specs: Record<string, PropSpec<{ settings: Dict }>>;
  constructor(
    ctx: FakeRequestContext,
    resolver: () => { settings: Dict } | null,
    path: string,
    private readonly prefix: string,
    props: string[],
  ) {
    super(ctx, resolver, path);
    this.specs = Object.fromEntries(
      props
        .filter((p) => !p.includes("."))
        .map((p) => [
          p,
          {
            get: (m: { settings: Dict }) => m.settings[`${prefix}.${p}`],
            set: (m: { settings: Dict }, v: unknown) => (m.settings[`${prefix}.${p}`] = v),
          },
        ]),
    );
    this.defineProps();
  }
  get format(): { font: { color: string }; fill: { color: string } } {
    const set = (key: string) => (v: unknown) =>
      this.ctx.enqueue({
        op: `set ${key}`,
        payload: v,
        run: () => {
          this.resolve().settings[`${this.prefix}.${key}`] = v;
        },
      });
    const font = {};
    const fill = {};
    Object.defineProperty(font, "color", { set: set("format.font.color"), enumerable: true });
    Object.defineProperty(fill, "color", { set: set("format.fill.color"), enumerable: true });
    return { font, fill } as { font: { color: string }; fill: { color: string } };
  }
}

/* ---------- charts ---------- */

const CHART_TYPES = new Set(["BarClustered", "ColumnClustered", "Line", "Pie"]);

export class FakeChartCollection extends FakeObject<SheetModel> {
  protected readonly specs: Record<string, PropSpec<SheetModel>> = {};

  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    if (!CHART_TYPES.has(type)) throw new ExcelError("InvalidArgument", `Unknown chart type ${type}.`);
    let created: ChartModel | undefined;
    this.ctx.enqueue({
      op: "charts.add",
      payload: [type, source.path, seriesBy],
      run: () => {
        const sheet = this.resolve();
        const { sheet: from, rect } = source.resolve();
        if (from !== sheet) throw new ExcelError("InvalidArgument", "A chart's data must be on its sheet.");
        created = { type, source: rectAddress(rect), seriesBy, title: "", position: null, lines: [] };
        sheet.charts.push(created);
        this.ctx.record("charts.add", `${sheet.name}!${rectAddress(rect)}`, type);
      },
    });
    return new FakeChart(this.ctx, () => created ?? null, `${this.path}.add(${type})`);
  }
}

export class FakeChart extends FakeObject<ChartModel> {
  protected readonly specs: Record<string, PropSpec<ChartModel>> = {};

  get title(): { text: string } {
    const setText = (v: string): void =>
      this.ctx.enqueue({
        op: "set chart.title.text",
        payload: v,
        run: () => {
          this.resolve().title = String(v);
        },
      });
    return {
      get text(): string {
        throw PROPERTY_NOT_LOADED("text");
      },
      set text(v: string) {
        setText(v);
      },
    };
  }

  /** `series.getItemAt(i).format.line`: a line's colour (ExcelApi 1.1) and style (1.7). */
  get series(): { getItemAt(index: number): { format: { line: { color: string; lineStyle: string } } } } {
    const ctx = this.ctx;
    const chart = (): ChartModel => this.resolve();
    const setLine = (index: number, key: "color" | "lineStyle", v: string): void => {
      if (key === "lineStyle") ctx.need("1.7", "ChartLineFormat.lineStyle");
      ctx.enqueue({
        op: `set series[${index}].format.line.${key}`,
        payload: v,
        run: () => {
          const m = chart();
          const parts = parseAddress(m.source);
          const count = m.seriesBy === "Rows" ? parts.bottom - parts.top : parts.right - parts.left;
          if (index < 0 || index >= count)
            throw new ExcelError("InvalidArgument", `No series ${index}: the chart has ${count}.`);
          const line = (m.lines[index] ??= {});
          line[key] = v;
        },
      });
    };
    return {
      getItemAt(index: number) {
        const line = {};
        for (const key of ["color", "lineStyle"] as const)
          Object.defineProperty(line, key, {
            get: () => {
              throw PROPERTY_NOT_LOADED(key);
            },
            set: (v: string) => setLine(index, key, v),
          });
        return { format: { line: line as { color: string; lineStyle: string } } };
      },
    };
  }

  setPosition(from: string, to?: string): void {
    this.call("setPosition", [from, to], (m) => {
      parseAddress(from);
      if (to) parseAddress(to);
      m.position = { from, to: to ?? from };
    });
  }
}

/* ---------- tables ---------- */

export class FakeTableCollection extends FakeCollection<TableModel, FakeTable> {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly scope: () => SheetModel | undefined,
  ) {
    super(ctx, path);
  }

  protected list(): TableModel[] {
    const s = this.scope();
    return this.ctx.model.tables.filter((t) => !s || t.sheet === s);
  }

  protected proxyFor(m: TableModel): FakeTable {
    return new FakeTable(this.ctx, () => m, `table(${m.name})`);
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    if (typeof address !== "string") this.ctx.need("1.3", "TableCollection.add(Range)");
    let created: TableModel | undefined;
    const payload = typeof address === "string" ? address : address.path;
    this.ctx.enqueue({
      op: "tables.add",
      payload,
      run: () => {
        let sheet: SheetModel;
        let rect: Rect;
        if (typeof address === "string") {
          const { sheet: name, local } = splitSheet(address);
          const scoped = this.scope();
          if (!scoped && !name)
            throw new ExcelError("InvalidArgument", "workbook.tables.add needs Sheet!A1:B2.");
          sheet = name ? this.ctx.model.sheetOrThrow(name) : (scoped as SheetModel);
          rect = parseAddress(local);
        } else {
          ({ sheet, rect } = address.resolve());
        }
        created = this.ctx.model.addTable(sheet, rect, hasHeaders);
        this.ctx.record("tables.add", `${sheet.name}!${rectAddress(rect)}`, created.columns);
      },
    });
    return new FakeTable(this.ctx, () => created ?? null, `tables.add(${payload})`);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(
      this.ctx,
      () => {
        const t = this.list().find((x) => x.name.toLowerCase() === key.toLowerCase());
        if (!t) throw new ExcelError("ItemNotFound", `The requested resource "${key}" doesn't exist.`);
        return t;
      },
      `tables.getItem(${key})`,
    );
  }

  getItemOrNullObject(key: string): FakeTable {
    this.ctx.need("1.4", "TableCollection.getItemOrNullObject");
    return new FakeTable(
      this.ctx,
      () => this.list().find((x) => x.name.toLowerCase() === key.toLowerCase()) ?? null,
      `tables.getItemOrNullObject(${key})`,
      true,
    );
  }
}

export class FakeTable extends FakeObject<TableModel> {
  protected readonly specs: Record<string, PropSpec<TableModel>> = {
    name: {
      get: (m) => m.name,
      set: (m, v) => {
        const name = checkObjectName(v, "table");
        m.sheet.workbook.assertFreeObjectName(name, m);
        m.name = name;
      },
    },
    style: { get: (m) => m.style, set: (m, v) => (m.style = String(v)) },
    showFilterButton: { get: (m) => m.showFilterButton, set: (m, v) => (m.showFilterButton = !!v), v: "1.3" },
    showBandedRows: { get: (m) => m.showBandedRows, set: (m, v) => (m.showBandedRows = !!v), v: "1.3" },
    showHeaders: { get: () => true },
  };
  constructor(...args: ConstructorParameters<typeof FakeObject<TableModel>>) {
    super(...args);
    this.defineProps();
    this.navs.worksheet = () => this.worksheet;
  }
  override describe(m: TableModel): string {
    return `table ${m.name}`;
  }
  get worksheet(): FakeWorksheet {
    this.ctx.need("1.2", "Table.worksheet");
    return new FakeWorksheet(this.ctx, () => this.resolve().sheet, `${this.path}.worksheet`);
  }
  private rangeOf(pick: (t: TableModel) => Rect, label: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.resolve();
        return { sheet: t.sheet, rect: pick(t) };
      },
      `${this.path}.${label}`,
    );
  }
  getRange(): FakeRange {
    return this.rangeOf((t) => t.rect, "getRange()");
  }
  getHeaderRowRange(): FakeRange {
    return this.rangeOf((t) => ({ ...t.rect, bottom: t.rect.top }), "getHeaderRowRange()");
  }
  getDataBodyRange(): FakeRange {
    return this.rangeOf((t) => ({ ...t.rect, top: t.rect.top + 1 }), "getDataBodyRange()");
  }
  delete(): void {
    this.call("delete", null, (m) => {
      const list = m.sheet.workbook.tables;
      list.splice(list.indexOf(m), 1);
    });
  }
}

/* ---------- defined names ---------- */

export class FakeNamedItemCollection extends FakeCollection<NameModel, FakeNamedItem> {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly scope: () => SheetModel | undefined,
  ) {
    super(ctx, path);
  }

  protected list(): NameModel[] {
    return this.scope()?.names ?? this.ctx.model.names;
  }

  protected proxyFor(m: NameModel): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => m, `name(${m.name})`, false, this.scope);
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this.ctx.need("1.4", "NamedItemCollection.add");
    let created: NameModel | undefined;
    this.ctx.enqueue({
      op: "names.add",
      payload: { name, reference: typeof reference === "string" ? reference : reference.path, comment },
      run: () => {
        let formula: string;
        if (typeof reference === "string") {
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        } else {
          const r = reference.resolve();
          const abs = rectAddress(r.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
          formula = `=${quoteSheet(r.sheet.name)}!${abs}`;
        }
        created = this.ctx.model.addName(this.scope(), name, formula, comment);
        this.ctx.record("names.add", `${this.scope()?.name ?? "workbook"}:${name}`, formula);
      },
    });
    return new FakeNamedItem(this.ctx, () => created ?? null, `names.add(${name})`, false, this.scope);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => {
        const n = this.list().find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!n) throw new ExcelError("ItemNotFound", `The requested resource "${name}" doesn't exist.`);
        return n;
      },
      `names.getItem(${name})`,
      false,
      this.scope,
    );
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.ctx.need("1.4", "NamedItemCollection.getItemOrNullObject");
    return new FakeNamedItem(
      this.ctx,
      () => this.list().find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null,
      `names.getItemOrNullObject(${name})`,
      true,
      this.scope,
    );
  }
}

function nameType(formula: string): string {
  if (/^=#REF!/.test(formula)) return "Error";
  if (/!/.test(formula)) return "Range";
  if (/^="/.test(formula)) return "String";
  if (/^=(TRUE|FALSE)$/i.test(formula)) return "Boolean";
  if (/^=-?\d/.test(formula)) return "Double";
  return "Formula";
}

function nameValue(formula: string): unknown {
  const t = nameType(formula);
  if (t === "Error") return "#REF!";
  if (t === "Range") return formula.slice(1);
  if (t === "String") return formula.slice(2, -1).replace(/""/g, '"');
  if (t === "Boolean") return /TRUE/i.test(formula);
  if (t === "Double") return Number(formula.slice(1));
  return formula.slice(1);
}

export class FakeNamedItem extends FakeObject<NameModel> {
  protected readonly specs: Record<string, PropSpec<NameModel>> = {
    name: { get: (m) => m.name },
    type: { get: (m) => nameType(m.formula) },
    value: { get: (m) => nameValue(m.formula) },
    formula: { get: (m) => m.formula, v: "1.7" },
    visible: { get: () => true },
    comment: { get: (m) => m.comment ?? "", v: "1.4" },
    scope: { get: () => (this.scopeOf() ? "Worksheet" : "Workbook"), v: "1.4" },
  };
  constructor(
    ctx: FakeRequestContext,
    resolver: () => NameModel | null,
    path: string,
    nullable: boolean,
    private readonly scopeOf: () => SheetModel | undefined,
  ) {
    super(ctx, resolver, path, nullable);
    this.defineProps();
  }
  getRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const target = this.ctx.model.nameTarget(this.resolve());
        if (!target)
          throw new ExcelError("InvalidOperation", `The name "${this.resolve().name}" is not a range.`);
        return target;
      },
      `${this.path}.getRange()`,
    );
  }
  getRangeOrNullObject(): FakeRange {
    this.ctx.need("1.4", "NamedItem.getRangeOrNullObject");
    return new FakeRange(
      this.ctx,
      () => this.ctx.model.nameTarget(this.resolve()) ?? null,
      `${this.path}.getRangeOrNullObject()`,
      true,
    );
  }
  delete(): void {
    this.call(
      "delete",
      null,
      (m) => {
        const list = this.scopeOf()?.names ?? this.ctx.model.names;
        list.splice(list.indexOf(m), 1);
      },
      "1.4",
    );
  }
}
