// The exceljs WorkbookPort: reads sheets from a GridSource and writes into an exceljs workbook —
// the one `init` is building, and the contract suite's .xlsx port. `generate` writes through the
// streaming report port instead (report-port.ts).
import type ExcelJS from 'exceljs';
import type {
  CellBlock,
  LambdaDefinition,
  PortCapabilities,
  RiskMatrix,
  ReadRequest,
  SheetBlock,
  SheetPlan,
  SheetRules,
  WorkbookPort,
} from '../core/index.ts';
import { lambdaDefinitions, temporarySheetName } from '../core/index.ts';
import { addDefinedNames } from './functions.ts';
import { newWorkbook } from './report-workbook.ts';
import type { GridSource } from './read-grid.ts';
import { blocksOf, findWorksheet } from './read-grid.ts';
import { renderSheetPlan, writePlanCells } from './render-plan.ts';
import { applySheetRules } from './sheet-rules.ts';

export class XlsxWorkbookPort implements WorkbookPort {
  readonly capabilities: PortCapabilities = {
    functionsRecalculateOnArgumentsOnly: false,
    formulasPerColumn: false,
  };
  /** Calls made through the port, so tests can prove the jobs' round trips do not grow with the register. */
  readonly calls = { read: 0, writeSheets: 0, writeCells: 0, applyRules: 0, defineNames: 0 };
  /** Names to add to the written file: exceljs cannot hold LAMBDA names itself. */
  private readonly names = new Map<string, LambdaDefinition>();

  constructor(
    private readonly source: GridSource,
    readonly target: ExcelJS.Workbook = newWorkbook(),
  ) {}

  async read(requests: readonly ReadRequest[]): Promise<readonly (SheetBlock | undefined)[]> {
    this.calls.read++;
    return blocksOf(requests, await this.source.readSheets(requests.map((request) => request.sheet)));
  }

  async writeSheets(plans: readonly SheetPlan[]): Promise<void> {
    this.calls.writeSheets++;
    // All in memory: build every sheet first, so an error leaves the old sheets in place.
    const built = plans.map((plan) => {
      const taken = this.target.worksheets.map((sheet) => sheet.name);
      const sheet = renderSheetPlan(this.target, { ...plan, name: temporarySheetName(plan.name, taken) });
      applySheetRules(sheet, plan);
      return { plan, sheet };
    });
    for (const { plan, sheet } of built) {
      const old = findWorksheet(this.target, plan.name);
      if (old) this.target.removeWorksheet(old.id);
      sheet.name = plan.name;
    }
  }

  async writeCells(sheetName: string, blocks: readonly CellBlock[]): Promise<void> {
    this.calls.writeCells++;
    const sheet = this.existing(sheetName);
    for (const block of blocks) writePlanCells(sheet, block.top, block.left, block.cells);
  }

  async applyRules(sheetName: string, rules: SheetRules): Promise<void> {
    this.calls.applyRules++;
    applySheetRules(this.existing(sheetName), rules);
  }

  async defineNames(matrix: RiskMatrix): Promise<readonly string[]> {
    this.calls.defineNames++;
    const definitions = lambdaDefinitions(matrix);
    for (const definition of definitions) this.names.set(definition.name, definition);
    return definitions.map((d) => d.name);
  }

  /** The target workbook as .xlsx bytes, with the names defined through the port. */
  async outputBuffer(): Promise<Buffer> {
    const buffer = Buffer.from(await this.target.xlsx.writeBuffer());
    const names = [...this.names.values()].map((d) => ({ name: d.name, formula: d.fileFormula }));
    return names.length > 0 ? addDefinedNames(buffer, names) : buffer;
  }

  private existing(name: string): ExcelJS.Worksheet {
    const sheet = findWorksheet(this.target, name);
    if (!sheet) throw new Error(`the workbook has no sheet named ${name}`);
    return sheet;
  }
}
