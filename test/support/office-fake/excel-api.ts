/**
 * A strict fake of the Excel JavaScript API's proxy model, enough for the add-in: calls queue
 * actions, `context.sync()` runs them in order against FakeWorkbookState, and reading a property
 * that was not loaded and synced throws PropertyNotLoaded, as Office.js does. Each sync checks the
 * 5 MB request and response limits of Excel on the web, estimated as the JSON size of the queued
 * writes and of the loaded values.
 */
import {
  contains,
  intersection,
  intersects,
  subtract,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  rectAddress,
  sheetQualified,
  typedIn,
  type ChangedHandler,
  type FakeCell,
  type FakeCellFormat,
  type FakeConditionalFormat as ConditionalFormatState,
  type FakeSheet,
  type FakeWorkbookState,
  type Rect,
} from './workbook-state.ts';

export type FakeWorkbookEvent =
  | { readonly kind: 'changed'; readonly sheet: FakeSheet; readonly rect: Rect }
  | { readonly kind: 'added' | 'deleted'; readonly sheet: FakeSheet };

export interface FakeLimits {
  /** Bytes of one sync's request: 5 MB in Excel on the web. */
  readonly request: number;
  /** Bytes of one sync's response. */
  readonly response: number;
}

export const EXCEL_WEB_LIMITS: FakeLimits = { request: 5 * 1024 * 1024, response: 5 * 1024 * 1024 };

/** What Office.js throws (an OfficeExtension.Error): `code` is the Excel.ErrorCodes name. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

const ENCODER = new TextEncoder();
function jsonBytes(value: unknown): number {
  return ENCODER.encode(JSON.stringify(value) ?? '').length;
}
/** The envelope of one action in a request (object path, method name, ids). */
const ACTION_BYTES = 64;

interface Action {
  readonly bytes: number;
  /** Applies the action; a load returns the values it sends back. */
  run(): unknown;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  /** The Excel.run this context belongs to is over: using it again throws, as in Office.js. */
  closed = false;
  private queue: Action[] = [];
  private suspendCalculation = false;
  private readonly changes: FakeWorkbookEvent[] = [];

  constructor(
    readonly state: FakeWorkbookState,
    readonly limits: FakeLimits,
    private readonly deliver: (events: FakeWorkbookEvent[]) => void,
  ) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  enqueue(action: Action): void {
    if (this.closed)
      throw new FakeOfficeError('InvalidObjectPath', 'the request context of a finished Excel.run');
    this.queue.push(action);
  }

  suspendUntilNextSync(): void {
    this.suspendCalculation = true;
  }

  /** A write that changed cells: raises onChanged (triggerSource ThisLocalAddin) when events are on. */
  noteChange(sheet: FakeSheet, rect: Rect): void {
    if (this.state.enableEvents) this.changes.push({ kind: 'changed', sheet, rect });
  }

  /** A sheet added or deleted: raises worksheets.onAdded / onDeleted when events are on. */
  noteSheet(kind: 'added' | 'deleted', sheet: FakeSheet): void {
    if (this.state.enableEvents) this.changes.push({ kind, sheet });
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (this.closed)
      throw new FakeOfficeError('InvalidObjectPath', 'the request context of a finished Excel.run');
    this.state.syncCount++;
    if (this.suspendCalculation) this.state.suspendedSyncs++;
    this.suspendCalculation = false;
    const actions = this.queue;
    this.queue = [];
    const requestBytes = actions.reduce((sum, action) => sum + action.bytes, 0);
    if (requestBytes > this.limits.request) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `the request is ${requestBytes} bytes; the limit is ${this.limits.request}`,
      );
    }
    let responseBytes = 0;
    for (const action of actions) {
      const payload = action.run();
      if (payload !== undefined) responseBytes += jsonBytes(payload);
    }
    const changes = this.changes.splice(0);
    if (changes.length > 0) this.deliver(changes);
    if (responseBytes > this.limits.response) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `the response is ${responseBytes} bytes; the limit is ${this.limits.response}`,
      );
    }
    // Office.js resolves sync() asynchronously.
    await Promise.resolve();
  }
}

// --- the proxy base ---------------------------------------------------------------------------

type LoadSpec = string | string[] | { select?: string } | undefined;

function loadPaths(spec: LoadSpec): string[] {
  const text =
    spec === undefined
      ? ''
      : typeof spec === 'string'
        ? spec
        : Array.isArray(spec)
          ? spec.join(',')
          : (spec.select ?? '');
  return text
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path !== '');
}

abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: FakeRequestContext) {}

  /** Scalar properties a bare `load()` fetches. */
  protected abstract readonly scalarNames: readonly string[];

  /** A scalar property's value at execution time. */
  protected abstract readScalar(name: string): unknown;

  /** A navigation property, for nested loads (`format/fill/color`). */
  protected navigation(_name: string): ClientObject | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.ctx.enqueue({ bytes: ACTION_BYTES + jsonBytes(paths), run: () => this.loadNow(paths) });
    return this;
  }

  /** Loads now (inside a sync) and returns what the response carries. */
  loadNow(paths: readonly string[]): Record<string, unknown> {
    const wanted = paths.length > 0 ? paths : this.scalarNames;
    const out: Record<string, unknown> = {};
    const nested = new Map<string, string[]>();
    for (const path of wanted) {
      const [head, ...rest] = path.split('/');
      if (rest.length > 0) {
        nested.set(head!, [...(nested.get(head!) ?? []), rest.join('/')]);
        continue;
      }
      const child = this.navigation(head!);
      if (child) nested.set(head!, nested.get(head!) ?? []);
      else {
        const value = this.readScalar(head!);
        this.loaded.set(head!, value);
        out[head!] = value;
      }
    }
    for (const [head, rest] of nested) {
      const child = this.navigation(head);
      if (!child) throw new FakeOfficeError('InvalidArgument', `no navigation property ${head}`);
      out[head] = child.loadNow(rest);
    }
    return out;
  }

  /**
   * An *OrNullObject result: Office.js sends its path with the next sync, after which
   * `isNullObject` can be read without a load.
   */
  protected resolveAtSync(): void {
    this.ctx.enqueue({ bytes: ACTION_BYTES, run: () => (this.loadNow(['isNullObject']), undefined) });
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  protected write(payload: unknown, apply: () => void): void {
    this.ctx.enqueue({
      bytes: ACTION_BYTES + jsonBytes(payload),
      run: () => {
        apply();
        return undefined;
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A proxy bound to its target the first time an action on it runs, as Office.js binds paths. */
class Binding<T> {
  private bound: { value: T } | undefined;
  constructor(private readonly resolve: () => T) {}
  get(): T {
    this.bound ??= { value: this.resolve() };
    return this.bound.value;
  }
}

// --- workbook, application, runtime -----------------------------------------------------------

export class FakeRuntime extends ClientObject {
  protected readonly scalarNames = ['enableEvents'];
  protected readScalar(name: string): unknown {
    if (name === 'enableEvents') return this.ctx.state.enableEvents;
    throw new FakeOfficeError('InvalidArgument', `Runtime has no property ${name}`);
  }
  get enableEvents(): boolean {
    return this.get('enableEvents');
  }
  set enableEvents(value: boolean) {
    this.write(value, () => {
      this.ctx.state.enableEvents = value;
    });
  }
}

export class FakeApplication extends ClientObject {
  protected readonly scalarNames = ['calculationMode'];
  protected readScalar(name: string): unknown {
    if (name === 'calculationMode') return 'Automatic';
    throw new FakeOfficeError('InvalidArgument', `Application has no property ${name}`);
  }
  /** Queued like any call; the fake records it on the next sync. */
  suspendApiCalculationUntilNextSync(): void {
    this.write(null, () => undefined);
    this.ctx.suspendUntilNextSync();
  }
}

export class FakeWorkbook extends ClientObject {
  protected readonly scalarNames = ['name'];
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.application = new FakeApplication(ctx);
  }
  protected readScalar(name: string): unknown {
    if (name === 'name') return 'Book1.xlsx';
    throw new FakeOfficeError('InvalidArgument', `Workbook has no property ${name}`);
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'worksheets' ? this.worksheets : name === 'names' ? this.names : undefined;
  }
}

// --- worksheets -------------------------------------------------------------------------------

const BAD_SHEET_NAME = /[[\]:*?/\\]/;

export class FakeWorksheetCollection extends ClientObject {
  protected readonly scalarNames = [];
  readonly onAdded = new FakeCollectionEvent(this.ctx, 'added');
  readonly onDeleted = new FakeCollectionEvent(this.ctx, 'deleted');
  readonly onChanged = new FakeCollectionEvent(this.ctx, 'changed');
  protected readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `WorksheetCollection has no property ${name}`);
  }

  get items(): FakeWorksheet[] {
    return this.get('items');
  }

  override loadNow(paths: readonly string[]): Record<string, unknown> {
    const itemPaths = paths.map((path) => path.replace(/^items\//, '')).filter((path) => path !== 'items');
    const items = this.ctx.state.sheets.map((sheet) => new FakeWorksheet(this.ctx, () => sheet, false));
    this.loaded.set('items', items);
    return { items: items.map((item) => item.loadNow(itemPaths)) };
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name) ?? null, false, name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name) ?? null, true, name);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.state.sheet(this.ctx.state.activeSheet ?? '') ?? this.ctx.state.sheets[0] ?? null,
      false,
    );
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.write(name, () => {
      if (name.length > 31 || BAD_SHEET_NAME.test(name) || name.trim() === '') {
        throw new FakeOfficeError('InvalidArgument', `${JSON.stringify(name)} is not a valid sheet name`);
      }
      if (this.ctx.state.sheet(name))
        throw new FakeOfficeError('ItemAlreadyExists', `a sheet is called ${name}`);
      created = this.ctx.state.addSheet(name);
      this.ctx.noteSheet('added', created);
    });
    return new FakeWorksheet(
      this.ctx,
      () => {
        if (!created) throw new FakeOfficeError('InvalidObjectPath', 'the sheet was not added');
        return created;
      },
      false,
    );
  }
}

export class FakeWorksheet extends ClientObject {
  protected readonly scalarNames = ['name', 'id', 'position', 'tabColor', 'visibility'];
  private readonly binding: Binding<FakeSheet | null>;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly onChanged: FakeEvent;

  constructor(
    ctx: FakeRequestContext,
    resolve: () => FakeSheet | null,
    private readonly nullable: boolean,
    private readonly lookedUp?: string,
  ) {
    super(ctx);
    this.binding = new Binding(resolve);
    this.freezePanes = new FakeFreezePanes(ctx, () => this.target());
    this.pageLayout = new FakePageLayout(ctx, () => this.target());
    this.onChanged = new FakeEvent(ctx, () => this.target());
    if (nullable) this.resolveAtSync();
  }

  /** The sheet, or ItemNotFound (for a null object too: acting on one fails). */
  target(): FakeSheet {
    const sheet = this.binding.get();
    if (!sheet || sheet.deleted) {
      throw new FakeOfficeError('ItemNotFound', `no sheet ${this.lookedUp ?? ''}`.trim());
    }
    return sheet;
  }

  protected readScalar(name: string): unknown {
    if (name === 'isNullObject') {
      if (!this.nullable)
        throw new FakeOfficeError('InvalidArgument', 'isNullObject is only on *OrNullObject results');
      const sheet = this.binding.get();
      return !sheet || sheet.deleted;
    }
    const sheet = this.target();
    switch (name) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'position':
        return this.ctx.state.sheets.indexOf(sheet);
      case 'tabColor':
        return sheet.tabColor;
      case 'visibility':
        return 'Visible';
    }
    throw new FakeOfficeError('InvalidArgument', `Worksheet has no property ${name}`);
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.write(value, () => {
      const sheet = this.target();
      const other = this.ctx.state.sheet(value);
      if (other && other !== sheet)
        throw new FakeOfficeError('ItemAlreadyExists', `a sheet is called ${value}`);
      if (value.length > 31 || BAD_SHEET_NAME.test(value)) {
        throw new FakeOfficeError('InvalidArgument', `${JSON.stringify(value)} is not a valid sheet name`);
      }
      sheet.name = value;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  set position(value: number) {
    this.write(value, () => {
      const sheets = this.ctx.state.sheets;
      const sheet = this.target();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(value, sheets.length), 0, sheet);
    });
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(value: string) {
    this.write(value, () => {
      this.target().tabColor = value;
    });
  }

  delete(): void {
    this.write(null, () => {
      const sheet = this.target();
      const sheets = this.ctx.state.sheets;
      if (sheets.length === 1)
        throw new FakeOfficeError('InvalidOperation', 'a workbook must keep one sheet');
      sheets.splice(sheets.indexOf(sheet), 1);
      sheet.deleted = true;
      this.ctx.noteSheet('deleted', sheet);
    });
  }

  activate(): void {
    this.write(null, () => {
      this.ctx.state.activeSheet = this.target().name;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      return {
        sheet,
        rect: address
          ? parseAddress(address)
          : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 },
      };
    });
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      if (rowCount < 1 || columnCount < 1 || row < 0 || column < 0) {
        throw new FakeOfficeError(
          'InvalidArgument',
          `getRangeByIndexes(${row}, ${column}, ${rowCount}, ${columnCount})`,
        );
      }
      return {
        sheet: this.target(),
        rect: { top: row, left: column, bottom: row + rowCount - 1, right: column + columnCount - 1 },
      };
    });
  }

  /** A1 alone on an empty sheet, as Excel does. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.target();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
}

export class FakeFreezePanes extends ClientObject {
  protected readonly scalarNames = [];
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `WorksheetFreezePanes has no property ${name}`);
  }
  freezeRows(count = 1): void {
    this.write(count, () => {
      this.sheet().frozenRows = count;
    });
  }
  freezeColumns(count = 1): void {
    this.write(count, () => {
      this.sheet().frozenColumns = count;
    });
  }
  unfreeze(): void {
    this.write(null, () => {
      this.sheet().frozenRows = 0;
      this.sheet().frozenColumns = 0;
    });
  }
}

/** Page setup: every property set is kept as written under its Office.js name. */
export class FakePageLayout extends ClientObject {
  protected readonly scalarNames = ['orientation'];
  readonly headersFooters: { defaultForAllPages: Record<string, string> };
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
    const set = (key: string, value: unknown) =>
      this.write(value, () => {
        this.sheet().pageLayout[key] = value;
      });
    const fail = (key: string) => this.fail(key);
    const defaultForAllPages: Record<string, string> = {};
    for (const key of [
      'centerHeader',
      'leftHeader',
      'rightHeader',
      'centerFooter',
      'leftFooter',
      'rightFooter',
    ]) {
      Object.defineProperty(defaultForAllPages, key, {
        set: (value: string) => set(`headersFooters.${key}`, value),
        get: () => fail(key),
      });
    }
    this.headersFooters = { defaultForAllPages };
  }
  private fail(key: string): never {
    throw new FakeOfficeError('PropertyNotLoaded', `The property '${key}' is not available.`);
  }
  protected readScalar(name: string): unknown {
    if (name === 'orientation') return this.sheet().pageLayout.orientation ?? 'Portrait';
    throw new FakeOfficeError('InvalidArgument', `PageLayout has no property ${name}`);
  }
  private setKey(key: string, value: unknown): void {
    this.write(value, () => {
      this.sheet().pageLayout[key] = value;
    });
  }
  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(value: string) {
    this.setKey('orientation', value);
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.setKey('zoom', value);
  }
  set centerHorizontally(value: boolean) {
    this.setKey('centerHorizontally', value);
  }
  setPrintTitleRows(address: string): void {
    this.setKey('printTitleRows', address);
  }
}

// --- events -----------------------------------------------------------------------------------

export class FakeEvent {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  /** Registered at the next sync, as in Office.js. */
  add(handler: ChangedHandler): { remove(): void } {
    let target: FakeSheet | undefined;
    this.ctx.enqueue({
      bytes: ACTION_BYTES,
      run: () => {
        target = this.sheet();
        target.changedHandlers.push(handler);
        return undefined;
      },
    });
    return {
      remove: () => {
        if (!target) return;
        const index = target.changedHandlers.indexOf(handler);
        if (index >= 0) target.changedHandlers.splice(index, 1);
      },
    };
  }
}

/** worksheets.onAdded / onDeleted, registered at the next sync. */
export class FakeCollectionEvent {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly kind: 'added' | 'deleted' | 'changed',
  ) {}
  add(handler: (event: never) => unknown): {
    remove(): void;
  } {
    const list = this.ctx.state.sheetHandlers[this.kind] as unknown[];
    this.ctx.enqueue({ bytes: ACTION_BYTES, run: () => (list.push(handler), undefined) });
    return {
      remove: () => {
        const index = list.indexOf(handler);
        if (index >= 0) list.splice(index, 1);
      },
    };
  }
}

// --- ranges -----------------------------------------------------------------------------------

interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

type Grid = unknown[][];

function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}
function rectColumns(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export class FakeRange extends ClientObject {
  protected readonly scalarNames = [
    'address',
    'rowCount',
    'columnCount',
    'rowIndex',
    'columnIndex',
    'values',
    'formulas',
    'numberFormat',
    'text',
  ];
  private readonly binding: Binding<RangeTarget | null>;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    ctx: FakeRequestContext,
    resolve: () => RangeTarget | null,
    private readonly nullable = false,
  ) {
    super(ctx);
    this.binding = new Binding(resolve);
    this.format = new FakeRangeFormat(ctx, () => this.target());
    this.dataValidation = new FakeDataValidation(ctx, () => this.target());
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, () => this.target());
    if (nullable) this.resolveAtSync();
  }

  target(): RangeTarget {
    const target = this.binding.get();
    if (!target) throw new FakeOfficeError('ItemNotFound', 'the range is a null object');
    return target;
  }

  protected override navigation(name: string): ClientObject | undefined {
    return name === 'format' ? this.format : name === 'dataValidation' ? this.dataValidation : undefined;
  }

  private cells<T>(read: (cell: FakeCell | undefined) => T): T[][] {
    const { sheet, rect } = this.target();
    if (rectRows(rect) * rectColumns(rect) > 5_000_000) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'a whole-sheet range cannot be read');
    }
    return Array.from({ length: rectRows(rect) }, (_, r) =>
      Array.from({ length: rectColumns(rect) }, (_, c) => read(sheet.cell(rect.top + r, rect.left + c))),
    );
  }

  protected readScalar(name: string): unknown {
    if (name === 'isNullObject') {
      if (!this.nullable)
        throw new FakeOfficeError('InvalidArgument', 'isNullObject is only on *OrNullObject results');
      return this.binding.get() === null;
    }
    const { sheet, rect } = this.target();
    switch (name) {
      case 'address':
        return sheetQualified(sheet.name, rect);
      case 'rowCount':
        return rectRows(rect);
      case 'columnCount':
        return rectColumns(rect);
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'values':
        return this.cells((cell) => cell?.value ?? '');
      case 'formulas':
        return this.cells((cell) => cell?.formula ?? cell?.value ?? '');
      case 'numberFormat':
        return this.cells((cell) => cell?.numberFormat ?? 'General');
      case 'text':
        return this.cells((cell) => String(cell?.value ?? ''));
      case 'valueTypes':
        return this.cells((cell) => {
          if (!cell || cell.value === '') return 'Empty';
          if (cell.error) return 'Error';
          if (typeof cell.value === 'number') return Number.isInteger(cell.value) ? 'Integer' : 'Double';
          return typeof cell.value === 'boolean' ? 'Boolean' : 'String';
        });
    }
    throw new FakeOfficeError('InvalidArgument', `Range has no property ${name}`);
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(grid: unknown) {
    this.setGrid(grid, (cell, value) => typedIn(cell, value), true);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(grid: unknown) {
    this.setGrid(grid, (cell, value) => typedIn(cell, value), true);
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(grid: unknown) {
    this.setGrid(
      grid,
      (cell, value) => {
        if (typeof value !== 'string')
          throw new FakeOfficeError('InvalidArgument', 'a number format is text');
        cell.numberFormat = value;
      },
      false,
    );
  }
  get text(): string[][] {
    return this.get('text');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  /** The cells in both ranges, or a null object; a null object as either side gives one too. */
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const mine = this.binding.get();
        const theirs = other.binding.get();
        if (!mine || !theirs || mine.sheet !== theirs.sheet) return null;
        const rect = intersection(mine.rect, theirs.rect);
        return rect ? { sheet: mine.sheet, rect } : null;
      },
      true,
    );
  }

  /** A 2-D array of exactly the range's shape, or one value for every cell, as Office.js takes. */
  private setGrid(
    grid: unknown,
    apply: (cell: FakeCell, value: unknown) => void,
    changesValues: boolean,
  ): void {
    this.write(grid, () => {
      const { sheet, rect } = this.target();
      const rows = rectRows(rect);
      const columns = rectColumns(rect);
      if (Array.isArray(grid)) {
        if (
          grid.length !== rows ||
          (grid as Grid).some((row) => !Array.isArray(row) || row.length !== columns)
        ) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${columns}).`,
          );
        }
      } else if (rows * columns > 1_000_000) {
        throw new FakeOfficeError('InvalidArgument', 'the fake does not fill whole sheets');
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          const value = Array.isArray(grid) ? (grid as Grid)[r]![c] : grid;
          // Office.js leaves a cell alone where the array holds null.
          if (value === null) continue;
          apply(sheet.cellForWrite(rect.top + r, rect.left + c), value);
        }
      }
      if (changesValues) this.ctx.noteChange(sheet, rect);
    });
  }

  merge(across = false): void {
    this.write(across, () => {
      const { sheet, rect } = this.target();
      if (sheet.merges.some((merge) => intersects(merge, rect))) {
        throw new FakeOfficeError('InvalidOperation', `${rectAddress(rect)} overlaps a merged area`);
      }
      if (across) {
        for (let r = rect.top; r <= rect.bottom; r++) sheet.merges.push({ ...rect, top: r, bottom: r });
      } else sheet.merges.push({ ...rect });
    });
  }

  unmerge(): void {
    this.write(null, () => {
      const { sheet, rect } = this.target();
      const keep = sheet.merges.filter((merge) => !intersects(merge, rect));
      sheet.merges.splice(0, sheet.merges.length, ...keep);
    });
  }

  select(): void {
    this.write(null, () => {
      const { sheet, rect } = this.target();
      this.ctx.state.selection = { sheet: sheet.name, address: rectAddress(rect) };
      this.ctx.state.activeSheet = sheet.name;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.target();
      return {
        sheet,
        rect: {
          top: rect.top + row,
          left: rect.left + column,
          bottom: rect.top + row,
          right: rect.left + column,
        },
      };
    });
  }
}

// --- formats ----------------------------------------------------------------------------------

type FormatKey = keyof FakeCellFormat;

/** A format property applies to every cell of the range, as Office.js does. */
function setFormat(
  ctx: FakeRequestContext,
  range: () => RangeTarget,
  write: (payload: unknown, apply: () => void) => void,
  key: FormatKey,
  value: unknown,
): void {
  write(value, () => {
    const { sheet, rect } = range();
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const format = sheet.cellForWrite(r, c).format as Record<string, unknown>;
        if (value === null || value === undefined) delete format[key];
        else format[key] = value;
      }
    }
  });
  void ctx;
}

function firstCellFormat(range: RangeTarget): FakeCellFormat {
  return range.sheet.cell(range.rect.top, range.rect.left)?.format ?? {};
}

export class FakeRangeFormat extends ClientObject {
  protected readonly scalarNames = [
    'wrapText',
    'horizontalAlignment',
    'verticalAlignment',
    'columnWidth',
    'rowHeight',
  ];
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorders;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx);
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeRangeFont(ctx, range);
    this.borders = new FakeRangeBorders(ctx, range);
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  protected readScalar(name: string): unknown {
    const range = this.range();
    switch (name) {
      case 'wrapText':
        return firstCellFormat(range).wrapText ?? false;
      case 'horizontalAlignment':
        return firstCellFormat(range).horizontalAlignment ?? 'General';
      case 'verticalAlignment':
        return firstCellFormat(range).verticalAlignment ?? 'Bottom';
      case 'columnWidth':
        return range.sheet.columnWidths.get(range.rect.left) ?? 48;
      case 'rowHeight':
        return range.sheet.rowHeights.get(range.rect.top) ?? 15;
    }
    throw new FakeOfficeError('InvalidArgument', `RangeFormat has no property ${name}`);
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(value: boolean) {
    setFormat(this.ctx, this.range, (p, a) => this.write(p, a), 'wrapText', value);
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    setFormat(this.ctx, this.range, (p, a) => this.write(p, a), 'horizontalAlignment', value);
  }
  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    setFormat(this.ctx, this.range, (p, a) => this.write(p, a), 'verticalAlignment', value);
  }
  /** Points, as Office.js measures widths. */
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(value: number) {
    this.write(value, () => {
      const { sheet, rect } = this.range();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  set rowHeight(value: number) {
    this.write(value, () => {
      const { sheet, rect } = this.range();
      for (let r = rect.top; r <= rect.bottom; r++) {
        sheet.rowHeights.set(r, value);
        sheet.fittedRows.delete(r);
      }
    });
  }
  /** Excel measures the text; the fake only records that the rows are fitted, not a height. */
  autofitRows(): void {
    this.write(null, () => {
      const { sheet, rect } = this.range();
      for (let r = rect.top; r <= rect.bottom; r++) {
        sheet.rowHeights.delete(r);
        sheet.fittedRows.add(r);
      }
    });
  }
}

export class FakeRangeFill extends ClientObject {
  protected readonly scalarNames = ['color'];
  constructor(
    ctx: FakeRequestContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx);
  }
  protected readScalar(name: string): unknown {
    if (name === 'color') return firstCellFormat(this.range()).fill ?? '#FFFFFF';
    throw new FakeOfficeError('InvalidArgument', `RangeFill has no property ${name}`);
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    setFormat(this.ctx, this.range, (p, a) => this.write(p, a), 'fill', value.toUpperCase());
  }
  clear(): void {
    setFormat(this.ctx, this.range, (p, a) => this.write(p, a), 'fill', null);
  }
}

export class FakeRangeFont extends ClientObject {
  protected readonly scalarNames = ['bold', 'italic', 'color', 'size', 'name'];
  constructor(
    ctx: FakeRequestContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx);
  }
  protected readScalar(name: string): unknown {
    const format = firstCellFormat(this.range());
    switch (name) {
      case 'bold':
        return format.bold ?? false;
      case 'italic':
        return format.italic ?? false;
      case 'color':
        return format.fontColor ?? '#000000';
      case 'size':
        return format.size ?? 11;
      case 'name':
        return 'Calibri';
    }
    throw new FakeOfficeError('InvalidArgument', `RangeFont has no property ${name}`);
  }
  private set(key: FormatKey, value: unknown): void {
    setFormat(this.ctx, this.range, (p, a) => this.write(p, a), key, value);
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(value: boolean) {
    this.set('bold', value);
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(value: boolean) {
    this.set('italic', value);
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.set('fontColor', value.toUpperCase());
  }
  get size(): number {
    return this.get('size');
  }
  set size(value: number) {
    this.set('size', value);
  }
  set name(_value: string) {
    this.write(_value, () => undefined);
  }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

export class FakeRangeBorders {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: () => RangeTarget,
  ) {}
  getItem(edge: string): { style: string; color: string; weight: string } {
    if (!EDGES.includes(edge)) throw new FakeOfficeError('InvalidArgument', `no border ${edge}`);
    const ctx = this.ctx;
    const range = this.range;
    const write = (payload: unknown, apply: () => void) =>
      ctx.enqueue({ bytes: ACTION_BYTES + jsonBytes(payload), run: () => (apply(), undefined) });
    return {
      set style(value: string) {
        write(value, () => {
          const { sheet, rect } = range();
          for (let r = rect.top; r <= rect.bottom; r++) {
            for (let c = rect.left; c <= rect.right; c++) {
              const format = sheet.cellForWrite(r, c).format;
              format.borders = { ...format.borders, [edge]: value };
            }
          }
        });
      },
      get style(): string {
        throw new FakeOfficeError('PropertyNotLoaded', "The property 'style' is not available.");
      },
      set color(_value: string) {
        write(_value, () => undefined);
      },
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', "The property 'color' is not available.");
      },
      set weight(_value: string) {
        write(_value, () => undefined);
      },
      get weight(): string {
        throw new FakeOfficeError('PropertyNotLoaded', "The property 'weight' is not available.");
      },
    };
  }
}

// --- data validation --------------------------------------------------------------------------

export class FakeDataValidation extends ClientObject {
  protected readonly scalarNames = ['rule', 'ignoreBlanks', 'prompt', 'errorAlert', 'valid'];
  constructor(
    ctx: FakeRequestContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx);
  }
  private covering(): FakeSheet['validations'][number] | undefined {
    const { sheet, rect } = this.range();
    return sheet.validations.find((validation) => contains(validation.rect, rect));
  }
  protected readScalar(name: string): unknown {
    const validation = this.covering();
    switch (name) {
      case 'rule':
        return validation?.rule ?? {};
      case 'ignoreBlanks':
        return validation?.ignoreBlanks ?? true;
      case 'prompt':
        return validation?.prompt ?? { showPrompt: false, title: '', message: '' };
      case 'errorAlert':
        return validation?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' };
      case 'valid':
        return true;
    }
    throw new FakeOfficeError('InvalidArgument', `DataValidation has no property ${name}`);
  }
  /** The validation of exactly this range, created when the rule is set. */
  private edit(apply: (validation: FakeSheet['validations'][number]) => void): () => void {
    return () => {
      const { sheet, rect } = this.range();
      let validation = sheet.validations.find(
        (v) =>
          v.rect.top === rect.top &&
          v.rect.left === rect.left &&
          v.rect.bottom === rect.bottom &&
          v.rect.right === rect.right,
      );
      if (!validation) {
        // Excel will not put a second rule over cells that have one: the add-in clears first.
        if (sheet.validations.some((v) => intersects(v.rect, rect))) {
          throw new FakeOfficeError(
            'InvalidOperation',
            `${rectAddress(rect)} already has a different validation; clear it first`,
          );
        }
        validation = { rect: { ...rect }, rule: {}, ignoreBlanks: true };
        sheet.validations.push(validation);
      }
      apply(validation);
    };
  }
  get rule(): Record<string, unknown> {
    return this.get('rule');
  }
  set rule(value: Record<string, unknown>) {
    const kinds = Object.keys(value);
    if (kinds.length !== 1)
      throw new FakeOfficeError('InvalidArgument', 'a validation rule has exactly one kind');
    this.write(
      value,
      this.edit((validation) => (validation.rule = value)),
    );
  }
  set ignoreBlanks(value: boolean) {
    this.write(
      value,
      this.edit((validation) => (validation.ignoreBlanks = value)),
    );
  }
  set prompt(value: { showPrompt?: boolean; title?: string; message?: string }) {
    if ((value.title ?? '').length > 32 || (value.message ?? '').length > 255) {
      throw new FakeOfficeError(
        'InvalidArgument',
        'a prompt title is at most 32 characters and its message 255',
      );
    }
    this.write(
      value,
      this.edit((validation) => (validation.prompt = value)),
    );
  }
  set errorAlert(value: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    if ((value.title ?? '').length > 32 || (value.message ?? '').length > 255) {
      throw new FakeOfficeError(
        'InvalidArgument',
        'an error title is at most 32 characters and its message 255',
      );
    }
    this.write(
      value,
      this.edit((validation) => (validation.errorAlert = value)),
    );
  }
  /** Removes validation from the range's cells; a rule that reaches further keeps its other cells. */
  clear(): void {
    this.write(null, () => {
      const { sheet, rect } = this.range();
      sheet.validations = sheet.validations.flatMap((validation) =>
        subtract(validation.rect, rect).map((part) => ({ ...validation, rect: part })),
      );
    });
  }
}

// --- conditional formats ----------------------------------------------------------------------

/**
 * The format types the fake holds: ours (Custom) and two a user often adds (a colour scale, a
 * "cell value greater than" rule), so a sheet can hold formats that are not ours.
 */
const FORMAT_TYPES: ReadonlySet<string> = new Set(['Custom', 'ColorScale', 'CellValue']);

export class FakeConditionalFormatCollection extends ClientObject {
  protected readonly scalarNames = [];
  constructor(
    ctx: FakeRequestContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx);
  }
  protected readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `ConditionalFormatCollection has no property ${name}`);
  }
  get items(): FakeConditionalFormat[] {
    return this.get('items');
  }
  /** The formats that intersect the range, in the order added. */
  override loadNow(paths: readonly string[]): Record<string, unknown> {
    const itemPaths = paths.map((path) => path.replace(/^items\//, '')).filter((path) => path !== 'items');
    const { sheet, rect } = this.range();
    const items = sheet.conditionalFormats
      .filter((format) => intersects(format.rect, rect))
      .map((format) => new FakeConditionalFormat(this.ctx, sheet, () => format));
    this.loaded.set('items', items);
    return { items: items.map((item) => item.loadNow(itemPaths)) };
  }
  add(type: string): FakeConditionalFormat {
    let created: ConditionalFormatState | undefined;
    this.write(type, () => {
      if (!FORMAT_TYPES.has(type))
        throw new FakeOfficeError(
          'NotImplemented',
          `the fake adds Custom, ColorScale and CellValue formats, not ${type}`,
        );
      const { sheet, rect } = this.range();
      created = { id: this.ctx.state.formatId(), rect: { ...rect }, type };
      sheet.conditionalFormats.push(created);
    });
    return new FakeConditionalFormat(this.ctx, undefined, () => {
      if (!created) throw new FakeOfficeError('InvalidObjectPath', 'the format was not added');
      return created;
    });
  }
  clearAll(): void {
    this.write(null, () => {
      const { sheet, rect } = this.range();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !intersects(format.rect, rect));
    });
  }
}

export class FakeConditionalFormat extends ClientObject {
  protected readonly scalarNames = ['type', 'id', 'priority'];
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };
  private readonly customObject: ClientObject;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeSheet | undefined,
    readonly state: () => ConditionalFormatState,
  ) {
    super(ctx);
    const write = (payload: unknown, apply: (format: ConditionalFormatState) => void) =>
      this.write(payload, () => apply(this.state()));
    const notLoaded = (name: string): never => {
      throw new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available.`);
    };
    const loadedFormula = () => this.loaded.get('custom/rule/formula');
    this.custom = {
      rule: {
        set formula(value: string) {
          write(value, (format) => (format.formula = value));
        },
        get formula(): string {
          const value = loadedFormula();
          return typeof value === 'string' ? value : notLoaded('formula');
        },
      },
      format: {
        fill: {
          set color(value: string) {
            write(value, (format) => (format.fill = value.toUpperCase()));
          },
          get color(): string {
            return notLoaded('color');
          },
        },
        font: {
          set color(value: string) {
            write(value, (format) => (format.fontColor = value.toUpperCase()));
          },
          get color(): string {
            return notLoaded('color');
          },
          set bold(value: boolean) {
            write(value, (format) => (format.bold = value));
          },
          get bold(): boolean {
            return notLoaded('bold');
          },
        },
      },
    };
    // Loads of `custom/rule/formula` land here. Excel fails the whole request when the format
    // is of another type (a colour scale has no custom rule): so does the fake.
    const current = () => this.state();
    const remember = (path: string, value: unknown) => this.remember(path, value);
    const customOf = (orNull: boolean) =>
      new (class extends ClientObject {
        protected readonly scalarNames = [];
        protected readScalar(name: string): unknown {
          throw new FakeOfficeError('InvalidArgument', `ConditionalFormat.custom has no property ${name}`);
        }
        override loadNow(paths: readonly string[]): Record<string, unknown> {
          if (paths.some((path) => path !== 'rule/formula' && path !== 'rule' && path !== 'isNullObject')) {
            throw new FakeOfficeError('NotImplemented', 'the fake loads only custom/rule/formula');
          }
          const format = current();
          const prefix = orNull ? 'customOrNullObject' : 'custom';
          if (format.type !== 'Custom') {
            if (!orNull)
              throw new FakeOfficeError(
                'InvalidOperation',
                `The conditional format is of type ${format.type}: it has no custom rule.`,
              );
            remember(`${prefix}/isNullObject`, true);
            return { isNullObject: true };
          }
          const formula = format.formula ?? '';
          remember(`${prefix}/rule/formula`, formula);
          if (orNull) remember(`${prefix}/isNullObject`, false);
          return { rule: { formula } };
        }
      })(ctx);
    this.customObject = customOf(false);
    this.customOrNullObjectLoader = customOf(true);
    const loaded = this.loaded;
    this.customOrNullObject = {
      get isNullObject(): boolean {
        if (!loaded.has('customOrNullObject/isNullObject')) return notLoaded('isNullObject');
        return loaded.get('customOrNullObject/isNullObject') as boolean;
      },
      rule: {
        get formula(): string {
          if (loaded.get('customOrNullObject/isNullObject') === true)
            throw new FakeOfficeError('InvalidObjectPath', 'customOrNullObject is a null object');
          const value = loaded.get('customOrNullObject/rule/formula');
          return typeof value === 'string' ? value : notLoaded('formula');
        },
      },
    };
  }
  /** The custom rule, or a null object for a format of another type (ExcelApi 1.6). */
  readonly customOrNullObject: {
    readonly isNullObject: boolean;
    readonly rule: { readonly formula: string };
  };
  private readonly customOrNullObjectLoader: ClientObject;
  protected override navigation(name: string): ClientObject | undefined {
    if (name === 'custom') return this.customObject;
    return name === 'customOrNullObject' ? this.customOrNullObjectLoader : undefined;
  }
  remember(path: string, value: unknown): void {
    this.loaded.set(path, value);
  }
  protected readScalar(name: string): unknown {
    const format = this.state();
    if (name === 'type') return format.type;
    if (name === 'id') return String(format.id);
    if (name === 'priority') return 0;
    throw new FakeOfficeError('InvalidArgument', `ConditionalFormat has no property ${name}`);
  }
  get type(): string {
    return this.get('type');
  }
  delete(): void {
    this.write(null, () => {
      const format = this.state();
      const owner =
        this.sheet ?? this.ctx.state.sheets.find((sheet) => sheet.conditionalFormats.includes(format));
      if (!owner) throw new FakeOfficeError('ItemNotFound', 'the conditional format is gone');
      owner.conditionalFormats = owner.conditionalFormats.filter((other) => other !== format);
    });
  }
}

// --- names ------------------------------------------------------------------------------------

export class FakeNamedItemCollection extends ClientObject {
  protected readonly scalarNames = [];
  protected readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `NamedItemCollection has no property ${name}`);
  }
  get items(): FakeNamedItem[] {
    return this.get('items');
  }
  override loadNow(paths: readonly string[]): Record<string, unknown> {
    const itemPaths = paths.map((path) => path.replace(/^items\//, '')).filter((path) => path !== 'items');
    const items = [...this.ctx.state.names.keys()].map((key) => new FakeNamedItem(this.ctx, key, false));
    this.loaded.set('items', items);
    return { items: items.map((item) => item.loadNow(itemPaths)) };
  }
  /** Excel refuses a name that exists: the add-in deletes it first. */
  add(name: string, reference: string, comment = ''): FakeNamedItem {
    this.write({ name, reference, comment }, () => {
      const key = name.toUpperCase();
      if (this.ctx.state.names.has(key))
        throw new FakeOfficeError('ItemAlreadyExists', `the name ${name} exists`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
        throw new FakeOfficeError('InvalidArgument', `bad name ${name}`);
      if (!reference.startsWith('='))
        throw new FakeOfficeError('InvalidArgument', 'a formula reference starts with =');
      this.ctx.state.names.set(key, { name, formula: reference, comment });
    });
    return new FakeNamedItem(this.ctx, name.toUpperCase(), false);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name.toUpperCase(), true);
  }
}

export class FakeNamedItem extends ClientObject {
  protected readonly scalarNames = ['name', 'formula', 'comment', 'type', 'visible'];
  constructor(
    ctx: FakeRequestContext,
    private readonly key: string,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    if (nullable) this.resolveAtSync();
  }
  private target(): { name: string; formula: string; comment: string } {
    const item = this.ctx.state.names.get(this.key);
    if (!item) throw new FakeOfficeError('ItemNotFound', `no name ${this.key}`);
    return item;
  }
  protected readScalar(name: string): unknown {
    if (name === 'isNullObject') {
      if (!this.nullable)
        throw new FakeOfficeError('InvalidArgument', 'isNullObject is only on *OrNullObject results');
      return !this.ctx.state.names.has(this.key);
    }
    const item = this.target();
    switch (name) {
      case 'name':
        return item.name;
      case 'formula':
        return item.formula;
      case 'comment':
        return item.comment;
      case 'type':
        return 'Formula';
      case 'visible':
        return true;
    }
    throw new FakeOfficeError('InvalidArgument', `NamedItem has no property ${name}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  delete(): void {
    this.write(null, () => {
      this.target();
      this.ctx.state.names.delete(this.key);
    });
  }
}
