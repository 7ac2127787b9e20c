/// <reference types="office-js" />
// The Office.js WorkbookPort: blocks of 2-D arrays per context.sync(), split only by a byte budget.
import {
  lambdaDefinitions,
  sameSheetName,
  temporarySheetName,
  type CellBlock,
  type RiskMatrix,
  type PortCapabilities,
  type ReadRequest,
  type SheetBlock,
  type SheetPlan,
  type SheetRules,
  type WorkbookPort,
} from '../core/index.ts';
import { WriteBatch, payloadBytes, type SheetCall } from './batch.ts';
import { blockFromRange, trimBlock } from './read-grid.ts';
import { cellBlockCalls, sheetPlanCalls } from './render-plan.ts';
import { queueSheetRules } from './sheet-rules.ts';

/** `Excel.run` with the one overload the port uses. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Turns events off while the port writes, so the add-in's own edits do not re-enter onChanged.
 * Both calls only queue: `pause` rides in the first write request, `resume` in the last.
 */
export interface EventGate {
  pause(context: Excel.RequestContext): void;
  resume(context: Excel.RequestContext): void;
}

const NO_GATE: EventGate = { pause: () => undefined, resume: () => undefined };

const READ_PROPERTIES = 'values, numberFormat, valueTypes, rowIndex, columnIndex';

interface Located {
  readonly rect: { top: number; left: number; bottom: number; right: number } | 'used';
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

export class OfficeWorkbookPort implements WorkbookPort {
  // Custom functions take the Scoring sheet from the cache the add-in keeps, not as an argument.
  readonly capabilities: PortCapabilities = {
    functionsRecalculateOnArgumentsOnly: false,
    formulasPerColumn: false,
  };
  /**
   * The workbook's sheet names as last seen: every read refreshes it in the same sync, so a
   * request resolves its sheet by `sameSheetName` without a round trip of its own.
   */
  private sheetNames: string[] | undefined;

  constructor(
    private readonly run: ExcelRun,
    private readonly gate: EventGate = NO_GATE,
  ) {}

  /** Learns the sheet names (one sync); the first read does it when nobody has. */
  async refreshSheetNames(): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      this.sheetNames = sheets.items.map((sheet) => sheet.name);
    });
  }

  private nameOf(sheet: string): string | undefined {
    return this.sheetNames?.find((name) => sameSheetName(name, sheet));
  }

  async read(requests: readonly ReadRequest[]): Promise<readonly (SheetBlock | undefined)[]> {
    if (!this.sheetNames) await this.refreshSheetNames();
    try {
      return await this.readKnown(requests);
    } catch (error) {
      // A sheet renamed or deleted since the names were seen: learn them again, once.
      if (errorCode(error) !== 'ItemNotFound') throw error;
      await this.refreshSheetNames();
      return this.readKnown(requests);
    }
  }

  private async readKnown(requests: readonly ReadRequest[]): Promise<(SheetBlock | undefined)[]> {
    const located = requests.map((request) => {
      const name = this.nameOf(request.sheet);
      const rect: Located['rect'] = request.range ?? 'used';
      return name === undefined ? undefined : { name, request, rect };
    });
    const wanted = located.filter((entry): entry is NonNullable<typeof entry> => entry !== undefined);
    const blocks = await this.readBlocks(wanted, true);
    const results = located.map((entry) => (entry ? blocks.get(entry) : undefined));
    // A sheet that appeared since the names were seen (the same sync loaded them afresh).
    const late = requests
      .map((request, index) => ({ request, index }))
      .filter(
        ({ request, index }) => results[index] === undefined && this.nameOf(request.sheet) !== undefined,
      );
    if (late.length > 0) {
      const again = await this.readKnown(late.map(({ request }) => request));
      late.forEach(({ index }, i) => (results[index] = again[i]));
    }
    return results;
  }

  /**
   * Reads every block in one sync, with the sheet names. A response over Excel's limit is split
   * (blocks apart, then a block's rows in halves) so the syncs grow with megabytes read.
   */
  private async readBlocks<T extends { name: string; request: ReadRequest } & Located>(
    entries: readonly T[],
    withNames: boolean,
  ): Promise<Map<T, SheetBlock>> {
    const out = new Map<T, SheetBlock>();
    if (entries.length === 0 && !withNames) return out;
    try {
      await this.run(async (context) => {
        const names = withNames ? context.workbook.worksheets.load('items/name') : undefined;
        const ranges = entries.map((entry) => {
          const sheet = context.workbook.worksheets.getItem(entry.name);
          const range =
            entry.rect === 'used'
              ? sheet.getUsedRangeOrNullObject(true)
              : sheet
                  .getRangeByIndexes(
                    entry.rect.top,
                    entry.rect.left,
                    entry.rect.bottom - entry.rect.top + 1,
                    entry.rect.right - entry.rect.left + 1,
                  )
                  // Clipped to the used range: a request may reach to the last row of the sheet.
                  .getIntersectionOrNullObject(sheet.getUsedRange(true));
          return range.load(READ_PROPERTIES);
        });
        await context.sync();
        if (names) this.sheetNames = names.items.map((sheet) => sheet.name);
        entries.forEach((entry, i) => {
          const corner = entry.rect === 'used' ? { top: 0, left: 0 } : entry.rect;
          out.set(entry, blockFromRange(entry.name, corner.top, corner.left, ranges[i]!));
        });
      });
      return out;
    } catch (error) {
      if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
      return this.readSplit(entries, withNames);
    }
  }

  private async readSplit<T extends { name: string; request: ReadRequest } & Located>(
    entries: readonly T[],
    withNames: boolean,
  ): Promise<Map<T, SheetBlock>> {
    const out = new Map<T, SheetBlock>();
    if (entries.length > 1) {
      const half = Math.ceil(entries.length / 2);
      for (const [part, names] of [
        [entries.slice(0, half), withNames],
        [entries.slice(half), false],
      ] as const) {
        for (const [entry, block] of await this.readBlocks(part, names)) out.set(entry, block);
      }
      return out;
    }
    const entry = entries[0];
    if (!entry) return out;
    const rect = entry.rect === 'used' ? await this.usedRect(entry.name) : entry.rect;
    if (!rect || rect.bottom === rect.top) {
      throw new Error(`${entry.name}: one row is larger than Excel can send in one response`);
    }
    const middle = Math.floor((rect.top + rect.bottom) / 2);
    const upper = { ...entry, rect: { ...rect, bottom: middle } };
    const lower = { ...entry, rect: { ...rect, top: middle + 1 } };
    const parts = await this.readBlocks([upper, lower], withNames);
    const top = entry.rect === 'used' ? 0 : rect.top;
    const left = entry.rect === 'used' ? 0 : rect.left;
    const upperRows = [...parts.get(upper)!.rows];
    while (upperRows.length < middle + 1 - top) upperRows.push([]);
    out.set(
      entry,
      trimBlock({ name: entry.name, top, left, rows: [...upperRows, ...parts.get(lower)!.rows] }),
    );
    return out;
  }

  private async usedRect(sheet: string): Promise<Exclude<Located['rect'], 'used'> | undefined> {
    return this.run(async (context) => {
      const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
      used.load('rowIndex, columnIndex, rowCount, columnCount');
      await context.sync();
      if (used.isNullObject) return undefined;
      // From A1, as a whole-sheet read returns.
      return {
        top: 0,
        left: 0,
        bottom: used.rowIndex + used.rowCount - 1,
        right: used.columnIndex + used.columnCount - 1,
      };
    });
  }

  async writeSheets(plans: readonly SheetPlan[]): Promise<void> {
    if (plans.length === 0) return;
    if (!this.sheetNames) await this.refreshSheetNames();
    const existing = this.sheetNames!;
    const temporary: string[] = [];
    for (const plan of plans) temporary.push(temporarySheetName(plan.name, [...existing, ...temporary]));
    await this.run(async (context) =>
      this.gated(context, async (batch) => {
        try {
          // Every plan in full under a temporary name first, so a failure leaves the old sheets.
          for (const [i, plan] of plans.entries()) {
            const sheet = context.workbook.worksheets.add(temporary[i]);
            for (const call of sheetPlanCalls(plan)) await batch.add(call.bytes, () => call.queue(sheet));
          }
          // Then, in the same request as the last of the building: out with the old, in with the new.
          for (const [i, plan] of plans.entries()) {
            const old = existing.find((name) => sameSheetName(name, plan.name));
            await batch.add(payloadBytes(plan.name) * 2, () => {
              if (old !== undefined) context.workbook.worksheets.getItem(old).delete();
              context.workbook.worksheets.getItem(temporary[i]!).name = plan.name;
            });
          }
        } catch (error) {
          await this.removeTemporary(context, temporary);
          throw error;
        }
      }),
    );
    const replaced = new Set(plans.map((plan) => plan.name.trim().toLowerCase()));
    this.sheetNames = [
      ...existing.filter((name) => !replaced.has(name.trim().toLowerCase())),
      ...plans.map((plan) => plan.name),
    ];
  }

  /** Best effort after a failure: the temporary sheets that were made go again. */
  private async removeTemporary(context: Excel.RequestContext, temporary: readonly string[]): Promise<void> {
    try {
      const sheets = temporary.map((name) =>
        context.workbook.worksheets.getItemOrNullObject(name).load('isNullObject'),
      );
      await context.sync();
      sheets.forEach((sheet) => {
        if (!sheet.isNullObject) sheet.delete();
      });
      await context.sync();
    } catch {
      // The original error is the one worth reporting.
    }
  }

  async writeCells(sheet: string, blocks: readonly CellBlock[]): Promise<void> {
    const calls = blocks.flatMap((block) => cellBlockCalls(block.top, block.left, block.cells));
    await this.writeCalls(sheet, calls);
  }

  /** Rules without touching a value (see queueSheetRules). */
  async applyRules(sheet: string, rules: SheetRules): Promise<void> {
    const name = await this.existingName(sheet);
    await this.run(async (context) =>
      this.gated(context, (batch) =>
        queueSheetRules(context, context.workbook.worksheets.getItem(name), rules, batch),
      ),
    );
  }

  /**
   * LAMBDA names, replacing any of the same name: Excel refuses to add a name that exists, so
   * one sync looks them up and the next deletes and adds.
   */
  async defineNames(matrix: RiskMatrix): Promise<readonly string[]> {
    const definitions = lambdaDefinitions(matrix);
    await this.run(async (context) =>
      this.gated(context, async (batch) => {
        const names = context.workbook.names;
        const found = definitions.map((definition) =>
          names.getItemOrNullObject(definition.name).load('isNullObject'),
        );
        await context.sync();
        for (const [i, definition] of definitions.entries()) {
          await batch.add(
            payloadBytes(definition.displayFormula) + payloadBytes(definition.description),
            () => {
              if (!found[i]!.isNullObject) found[i]!.delete();
              names.add(definition.name, definition.displayFormula, definition.description);
            },
          );
        }
      }),
    );
    return definitions.map((definition) => definition.name);
  }

  /**
   * Runs writes through one byte-budgeted batch with events paused: the pause goes out with the
   * first request and the resume with the last, so pausing costs no sync of its own.
   */
  private async gated(
    context: Excel.RequestContext,
    work: (batch: WriteBatch) => Promise<void>,
  ): Promise<void> {
    const batch = new WriteBatch(context, undefined, () => this.gate.pause(context));
    try {
      await work(batch);
      if (batch.pending) this.gate.resume(context);
      await batch.flush();
    } catch (error) {
      this.gate.resume(context);
      await context.sync().catch(() => undefined);
      throw error;
    }
  }

  private async existingName(sheet: string): Promise<string> {
    if (!this.sheetNames || this.nameOf(sheet) === undefined) await this.refreshSheetNames();
    const name = this.nameOf(sheet);
    if (name === undefined) throw new Error(`The workbook has no sheet called ${sheet}.`);
    return name;
  }

  private async writeCalls(sheet: string, calls: readonly SheetCall[]): Promise<void> {
    if (calls.length === 0) return;
    const name = await this.existingName(sheet);
    await this.run(async (context) =>
      this.gated(context, async (batch) => {
        const worksheet = context.workbook.worksheets.getItem(name);
        for (const call of calls) await batch.add(call.bytes, () => call.queue(worksheet));
      }),
    );
  }
}
