/**
 * The Office.js fake as the add-in sees it: globals `Excel`, `Office` and `CustomFunctions`
 * (install them on a vm context, a browser window or globalThis), over a FakeWorkbookState that
 * tests load, edit like a user and inspect. Our own code, strict where Office.js is strict.
 */
import { excelSerialFromIsoDate, type SheetGrid } from '../../../core/index.ts';
import {
  EXCEL_WEB_LIMITS,
  FakeOfficeError,
  FakeRequestContext,
  type FakeLimits,
  type FakeWorkbookEvent,
} from './excel-api.ts';
import {
  FakeWorkbookState,
  parseAddress,
  rectAddress,
  typedIn,
  type FakeChangedEvent,
  type FakeSheet,
  type Rect,
} from './workbook-state.ts';

export { FakeOfficeError, EXCEL_WEB_LIMITS, FakeRequestContext } from './excel-api.ts';
export * from './workbook-state.ts';

/** CustomFunctions.Error as the runtime defines it. */
export class FakeCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    override readonly message: string = '',
  ) {
    super(message);
    this.name = 'CustomFunctions.Error';
  }
}

/** A cell of a formula's argument as the sheet holds it: `{ error: '#DIV/0!' }` is an error cell. */
export type FakeCellInput = number | string | boolean | null | { readonly error: string };
/** One argument of a formula: a cell, a range, or `undefined` where it is omitted (`=RISK.TREND(,12)`). */
export type FakeFormulaArgument = FakeCellInput | readonly (readonly FakeCellInput[])[] | undefined;
/** The parts of functions.json that decide how Excel hands arguments over. */
export interface FakeFunctionsMetadata {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly functions: readonly {
    readonly id: string;
    readonly parameters: readonly { readonly dimensionality?: string; readonly type?: string }[];
  }[];
}

export interface OfficeFake {
  readonly state: FakeWorkbookState;
  readonly globals: { Excel: unknown; Office: unknown; CustomFunctions: unknown; OfficeExtension: unknown };
  /** Ids given to CustomFunctions.associate. */
  readonly customFunctions: Map<string, (...args: unknown[]) => unknown>;
  /**
   * A cell's formula calling custom function `id`, as Excel evaluates it: an omitted argument is
   * `null`; a single cell for a matrix parameter is `[[value]]`; an error cell fails the whole call
   * with its own error before the function runs, unless functions.json sets
   * `allowErrorForDataTypeAny` (then it arrives as a CustomFunctions.Error). Resolves to the 2-D
   * result, or to the one error the cell shows when the call throws.
   */
  calculate(
    id: string,
    args: readonly FakeFormulaArgument[],
    metadata: FakeFunctionsMetadata,
  ): Promise<unknown[][] | FakeCustomFunctionError>;
  /** Names given to Office.actions.associate. */
  readonly actions: Map<string, (event: unknown) => unknown>;
  /** Puts the globals on `target` (globalThis, a vm context, a window). */
  install(target: object): void;
  /** Loads sheets as a user would have typed them (dates as serials in a date format). */
  loadSheets(sheets: readonly SheetGrid[]): void;
  /** A user typing into cells: values as typed, then onChanged with triggerSource Unknown. */
  edit(sheet: string, address: string, values: unknown[][]): Promise<void>;
  /** Presses a ribbon button: calls the associated function and waits for event.completed(). */
  press(functionName: string): Promise<void>;
  /** Resolves when every event handler raised so far has finished. */
  settle(): Promise<void>;
  /** Errors thrown by event handlers (Excel would drop them; tests should see them). */
  readonly handlerErrors: unknown[];
}

export interface OfficeFakeOptions {
  readonly limits?: FakeLimits;
  /** What `Office.context.requirements.isSetSupported` says; everything by default. */
  readonly supports?: (set: string, version: string) => boolean;
  /**
   * Whether Office.addin has setStartupBehavior/getStartupBehavior (SharedRuntime 1.1 builds);
   * true by default. Older builds lack them, and calling a missing method throws.
   */
  readonly startupBehavior?: boolean;
  /** Office.context.officeTheme; absent by default, as outside Office. */
  readonly officeTheme?: {
    bodyBackgroundColor: string;
    bodyForegroundColor: string;
    controlBackgroundColor: string;
    controlForegroundColor: string;
  };
}

export function createOfficeFake(options: OfficeFakeOptions = {}): OfficeFake {
  const state = new FakeWorkbookState();
  const limits = options.limits ?? EXCEL_WEB_LIMITS;
  const customFunctions = new Map<string, (...args: unknown[]) => unknown>();
  const actions = new Map<string, (event: unknown) => unknown>();
  const pending = new Set<Promise<unknown>>();
  const handlerErrors: unknown[] = [];

  // Events arrive after the change, asynchronously.
  const later = (call: () => unknown) => {
    const run: Promise<unknown> = new Promise((resolve) => setTimeout(resolve, 0))
      .then(call)
      .catch((error: unknown) => {
        handlerErrors.push(error);
      })
      .finally(() => pending.delete(run));
    pending.add(run);
  };
  const raise = (sheet: FakeSheet, rect: Rect, triggerSource: FakeChangedEvent['triggerSource']) => {
    const event: FakeChangedEvent = {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address: rectAddress(rect),
      changeType: 'RangeEdited',
      source: 'Local',
      triggerSource,
    };
    for (const handler of [...sheet.changedHandlers, ...state.sheetHandlers.changed])
      later(() => handler(event));
  };
  const deliver = (events: FakeWorkbookEvent[]) => {
    for (const event of events) {
      if (event.kind === 'changed') raise(event.sheet, event.rect, 'ThisLocalAddin');
      else {
        const payload = {
          type: event.kind === 'added' ? 'WorksheetAdded' : 'WorksheetDeleted',
          worksheetId: event.sheet.id,
          source: 'Local',
        };
        for (const handler of [...state.sheetHandlers[event.kind]]) later(() => handler(payload));
      }
    }
  };

  async function run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    const context = new FakeRequestContext(state, limits, deliver);
    try {
      const result = await batch(context);
      // Excel.run sends what is still queued when the batch returns.
      if (context.pendingActions > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  }

  const Excel = {
    run,
    ConditionalFormatType: { custom: 'Custom' },
    DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
    EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
    ErrorCodes: {
      propertyNotLoaded: 'PropertyNotLoaded',
      requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
  };

  let ready: Promise<{ host: string; platform: string }> | undefined;
  const Office = {
    HostType: { Excel: 'Excel' },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      ready ??= Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
      if (callback) void ready.then(callback);
      return ready;
    },
    actions: {
      associate(name: string, fn: (event: unknown) => unknown) {
        actions.set(name, fn);
      },
    },
    StartupBehavior: { load: 'Load', none: 'None' },
    addin: {
      showAsTaskpane: async () => undefined,
      ...(options.startupBehavior === false
        ? {}
        : {
            // Stored with the document: the runtime starts when it next opens ('Load') or not.
            setStartupBehavior: async (behavior: string) => {
              if (behavior !== 'Load' && behavior !== 'None')
                throw new FakeOfficeError('InvalidArgument', `no startup behavior ${behavior}`);
              state.startupBehavior = behavior;
            },
            getStartupBehavior: async () => state.startupBehavior,
          }),
    },
    context: {
      ...(options.officeTheme ? { officeTheme: options.officeTheme } : {}),
      requirements: {
        isSetSupported: (set: string, version = '1.1') => options.supports?.(set, version) ?? true,
      },
    },
  };

  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      if (customFunctions.has(id)) throw new Error(`CustomFunctions.associate: ${id} is already associated`);
      customFunctions.set(id, fn);
    },
    Error: FakeCustomFunctionError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  };

  const globals = { Excel, Office, CustomFunctions, OfficeExtension: { Error: FakeOfficeError } };

  return {
    state,
    globals,
    customFunctions,
    actions,
    handlerErrors,
    install(target) {
      Object.assign(target, globals);
    },
    async calculate(id, args, metadata) {
      const declared = metadata.functions.find((fn) => fn.id === id);
      const fn = customFunctions.get(id);
      if (!declared || !fn) return new FakeCustomFunctionError('#NAME?');
      const cellOf = (cell: FakeCellInput): unknown => {
        if (typeof cell !== 'object' || cell === null) return cell;
        if (!metadata.allowErrorForDataTypeAny) throw new FakeCustomFunctionError(cell.error);
        return new FakeCustomFunctionError(cell.error);
      };
      let passed: unknown[];
      try {
        passed = declared.parameters.map((parameter, i) => {
          const argument = args[i];
          if (argument === undefined) return null;
          const range = Array.isArray(argument)
            ? (argument as readonly (readonly FakeCellInput[])[]).map((row) => row.map(cellOf))
            : [[cellOf(argument as FakeCellInput)]];
          if (parameter.dimensionality === 'matrix') return range;
          if (range.length !== 1 || range[0]!.length !== 1) throw new FakeCustomFunctionError('#VALUE!');
          return range[0]![0];
        });
      } catch (error) {
        return error as FakeCustomFunctionError;
      }
      try {
        return (await fn(...passed)) as unknown[][];
      } catch (error) {
        return error instanceof FakeCustomFunctionError ? error : new FakeCustomFunctionError('#VALUE!');
      }
    },
    loadSheets(sheets) {
      for (const grid of sheets) {
        const sheet = state.addSheet(grid.name);
        grid.rows.forEach((row, r) =>
          row.forEach((value, c) => {
            if (value === null || value === '') return;
            const cell = sheet.cellForWrite(r, c);
            if (typeof value === 'object' && value.kind === 'date') {
              const serial = excelSerialFromIsoDate(value.iso);
              if (serial === undefined) throw new Error(`${value.iso} is not a date Excel holds`);
              cell.value = serial;
              // As the .xlsx fixtures format a user's dates.
              cell.numberFormat = 'dd/mm/yyyy';
            } else if (typeof value === 'object') {
              cell.value = value.code;
              cell.error = true;
            } else {
              // What the user has is kept as it is: text that looks like a number stays text.
              cell.value = value;
              if (typeof value === 'string') cell.numberFormat = /^[\d.+=-]/.test(value) ? '@' : 'General';
            }
          }),
        );
      }
      state.activeSheet ??= state.sheets[0]?.name;
    },
    async edit(sheetName, address, values) {
      const sheet = state.sheet(sheetName);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `no sheet ${sheetName}`);
      const rect = parseAddress(address);
      values.forEach((row, r) =>
        row.forEach((value, c) => typedIn(sheet.cellForWrite(rect.top + r, rect.left + c), value)),
      );
      if (state.enableEvents) raise(sheet, rect, 'Unknown');
      await this.settle();
    },
    async press(functionName) {
      const action = actions.get(functionName);
      if (!action) throw new Error(`no function is associated with ${functionName}`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${functionName} never called event.completed()`)),
          30_000,
        );
        const event = {
          source: { id: functionName },
          completed: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        Promise.resolve(action(event)).catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    },
    async settle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
