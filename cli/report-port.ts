// The port `generate` writes through: it reads the input file's grids once, keeps the sheet
// plans the core hands it, and writes them to the output file (xlsx-writer/write-workbook.ts), so
// the register is never built as a spreadsheet model in memory. `init`, which reads back what it
// writes, keeps XlsxWorkbookPort and exceljs's in-memory workbook.
import type {
  CellBlock,
  LambdaDefinition,
  RiskMatrix,
  PortCapabilities,
  ReadRequest,
  SheetBlock,
  SheetPlan,
  SheetRules,
  WorkbookPort,
} from '../core/index.ts';
import { lambdaDefinitions, sameSheetName } from '../core/index.ts';
import { writeStreamAtomic } from './atomic-write.ts';
import type { GridSource } from './read-grid.ts';
import { blocksOf } from './read-grid.ts';

export class ReportWorkbookPort implements WorkbookPort {
  readonly capabilities: PortCapabilities = {
    functionsRecalculateOnArgumentsOnly: false,
    formulasPerColumn: false,
  };
  readonly calls = { read: 0, writeSheets: 0, writeCells: 0, applyRules: 0, defineNames: 0 };
  private plans: SheetPlan[] = [];
  private readonly names = new Map<string, LambdaDefinition>();

  constructor(private readonly source: GridSource) {}

  /** The sheets the output will hold, in order. */
  get writtenPlans(): readonly SheetPlan[] {
    return this.plans;
  }

  async read(requests: readonly ReadRequest[]): Promise<readonly (SheetBlock | undefined)[]> {
    this.calls.read++;
    return blocksOf(requests, await this.source.readSheets(requests.map((request) => request.sheet)));
  }

  /** New sheets of the output workbook, replacing any of the same name (they are written by writeFile). */
  async writeSheets(plans: readonly SheetPlan[]): Promise<void> {
    this.calls.writeSheets++;
    this.plans = [
      ...this.plans.filter((kept) => !plans.some((plan) => sameSheetName(plan.name, kept.name))),
      ...plans,
    ];
  }

  /** The output holds only sheets written whole: generate never edits cells of an existing one. */
  async writeCells(sheetName: string, _blocks: readonly CellBlock[]): Promise<void> {
    throw new Error(`the report port writes whole sheets only; it cannot edit cells of ${sheetName}`);
  }

  async applyRules(sheetName: string, _rules: SheetRules): Promise<void> {
    throw new Error(`the report port writes whole sheets only; it cannot add rules to ${sheetName}`);
  }

  async defineNames(matrix: RiskMatrix): Promise<readonly string[]> {
    this.calls.defineNames++;
    const definitions = lambdaDefinitions(matrix);
    for (const definition of definitions) this.names.set(definition.name, definition);
    return definitions.map((definition) => definition.name);
  }

  /** Streams the sheets written (and names defined) through the port to `path`, all or nothing, once. */
  async writeFile(path: string): Promise<void> {
    const names = [...this.names.values()].map((d) => ({ name: d.name, formula: d.fileFormula }));
    // Loaded only here: validate, which reads through this port too, never writes.
    const { writeWorkbook } = await import('./xlsx-writer/write-workbook.ts');
    // The port lets go of the plans: each is freed once its sheet is written.
    const plans = this.plans;
    this.plans = [];
    await writeStreamAtomic(path, (out) => writeWorkbook(out, plans, names));
  }
}
