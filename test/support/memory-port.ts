/**
 * The reference WorkbookPort: a workbook held as plain data in memory — values, formulas, styles,
 * merges, rules and names — with the port's semantics and nothing else, so every host port can
 * be compared with it. A formula reads back as `#UNCALCULATED` (nothing here calculates it),
 * never as an empty cell.
 */
import type {
  CellBlock,
  CellStyle,
  CellValue,
  ConditionalFormat,
  PlanValue,
  ReadRequest,
  RiskMatrix,
  SheetBlock,
  SheetGrid,
  SheetPlan,
  SheetRules,
  WorkbookPort,
} from '../../core/index.ts';
import { a1, a1Range, errorCell, lambdaDefinitions, sameSheetName } from '../../core/index.ts';
import type {
  OpenedPort,
  PortUnderTest,
  SheetSnapshot,
  SnapshotValue,
  WorkbookSnapshot,
} from '../contract/port-under-test.ts';
import { validationSummary } from '../contract/port-under-test.ts';

interface MemorySheet {
  name: string;
  values: (PlanValue | CellValue)[][];
  styles: Map<string, CellStyle>;
  merges: string[];
  validations: Map<string, string>;
  conditionalFormats: ConditionalFormat[];
  frozenRows: number;
}

export class MemoryWorkbookPort implements WorkbookPort {
  readonly capabilities = { functionsRecalculateOnArgumentsOnly: false, formulasPerColumn: false };
  readonly calls = { read: 0, writeSheets: 0, writeCells: 0, applyRules: 0, defineNames: 0 };
  readonly sheets: MemorySheet[];
  readonly names = new Map<string, string>();

  constructor(sheets: readonly SheetGrid[]) {
    this.sheets = sheets.map((grid) => ({
      name: grid.name,
      values: grid.rows.map((row) => [...row]),
      // A user's date cells carry a date format, as the .xlsx fixtures write them.
      styles: new Map(dateAddresses(grid).map((address) => [address, { numberFormat: 'dd/mm/yyyy' }])),
      merges: [],
      validations: new Map(),
      conditionalFormats: [],
      frozenRows: 0,
    }));
  }

  async read(requests: readonly ReadRequest[]): Promise<readonly (SheetBlock | undefined)[]> {
    this.calls.read++;
    return requests.map(({ sheet, range }) => {
      const found = this.find(sheet);
      if (!found) return undefined;
      const all = found.values.map((row) => row.map(readValue));
      if (!range) return { name: found.name, rows: all, top: 0, left: 0 };
      const rows = all
        .slice(range.top, range.bottom + 1)
        .map((row) => row.slice(range.left, range.right + 1));
      return { name: found.name, rows, top: range.top, left: range.left };
    });
  }

  async writeSheets(plans: readonly SheetPlan[]): Promise<void> {
    this.calls.writeSheets++;
    for (const plan of plans) {
      const sheet: MemorySheet = {
        name: plan.name,
        values: [],
        styles: new Map(),
        merges: plan.merges
          .filter((m) => m.top !== m.bottom || m.left !== m.right)
          .map((m) => a1Range(m.top, m.left, m.bottom, m.right)),
        validations: new Map(),
        conditionalFormats: [],
        frozenRows: plan.frozenRows,
      };
      writeBlock(sheet, { top: 0, left: 0, cells: plan.cells });
      applyRulesTo(sheet, plan);
      const at = this.sheets.findIndex((s) => sameSheetName(s.name, plan.name));
      if (at >= 0) this.sheets.splice(at, 1, sheet);
      else this.sheets.push(sheet);
    }
  }

  async writeCells(sheet: string, blocks: readonly CellBlock[]): Promise<void> {
    this.calls.writeCells++;
    const target = this.existing(sheet);
    for (const block of blocks) writeBlock(target, block);
  }

  async applyRules(sheet: string, rules: SheetRules): Promise<void> {
    this.calls.applyRules++;
    applyRulesTo(this.existing(sheet), rules);
  }

  async defineNames(matrix: RiskMatrix): Promise<readonly string[]> {
    this.calls.defineNames++;
    const definitions = lambdaDefinitions(matrix);
    for (const d of definitions) this.names.set(d.name, d.displayFormula);
    return definitions.map((d) => d.name);
  }

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map(snapshotOf),
      names: [...this.names]
        .map(([name, formula]) => ({ name, formula }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  private find(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  private existing(name: string): MemorySheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }
}

function dateAddresses(grid: SheetGrid): string[] {
  const out: string[] = [];
  grid.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === 'object' && value?.kind === 'date') out.push(a1(r, c));
    }),
  );
  return out;
}

function readValue(value: PlanValue | CellValue | undefined): CellValue {
  if (value === undefined || value === '') return null;
  if (typeof value === 'object' && value !== null && 'formula' in value) return errorCell('#UNCALCULATED');
  return value;
}

function writeBlock(sheet: MemorySheet, block: CellBlock): void {
  block.cells.forEach((cells, i) => {
    const r = block.top + i;
    while (sheet.values.length <= r) sheet.values.push([]);
    const row = sheet.values[r]!;
    cells.forEach((cell, j) => {
      const c = block.left + j;
      while (row.length <= c) row.push(null);
      if (cell.value !== null) row[c] = cell.value;
      if (cell.style) sheet.styles.set(a1(r, c), cell.style);
    });
  });
}

function applyRulesTo(sheet: MemorySheet, rules: SheetRules): void {
  for (const v of rules.validations) {
    for (let r = v.range.top; r <= v.range.bottom; r++) {
      for (let c = v.range.left; c <= v.range.right; c++)
        sheet.validations.set(a1(r, c), validationSummary(v));
    }
  }
  const ours = new Set(rules.conditionalFormats.map((f) => f.formula));
  sheet.conditionalFormats = [
    ...sheet.conditionalFormats.filter((f) => !ours.has(f.formula)),
    ...rules.conditionalFormats,
  ];
}

function snapshotOf(sheet: MemorySheet): SheetSnapshot {
  const values: SnapshotValue[][] = sheet.values.map((row) =>
    row.map((v) => (v === '' ? null : (v as SnapshotValue))),
  );
  for (const row of values) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
  const styles: SheetSnapshot['styles'] = {};
  for (const [address, style] of sheet.styles) {
    const { fill, fontColour, numberFormat } = style;
    const kept = Object.fromEntries(
      Object.entries({
        bold: style.bold || undefined,
        fill,
        fontColour,
        numberFormat,
        wrap: style.wrap || undefined,
      }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(kept).length > 0) styles[address] = kept;
  }
  return {
    name: sheet.name,
    values,
    styles,
    merges: [...sheet.merges].sort(),
    validations: Object.fromEntries([...sheet.validations].sort(([a], [b]) => a.localeCompare(b))),
    conditionalFormats: sheet.conditionalFormats
      .map((f) => ({
        range: a1Range(f.range.top, f.range.left, f.range.bottom, f.range.right),
        formula: f.formula,
        ...(f.style.fill ? { fill: f.style.fill } : {}),
        ...(f.style.fontColour ? { fontColour: f.style.fontColour } : {}),
      }))
      .sort((a, b) => a.range.localeCompare(b.range) || a.formula.localeCompare(b.formula)),
    frozenRows: sheet.frozenRows,
  };
}

export const MEMORY_PORT: PortUnderTest = {
  name: 'in-memory',
  roundTripPerPortCall: true,
  async open(sheets): Promise<OpenedPort> {
    const port = new MemoryWorkbookPort(sheets);
    const calls = port.calls;
    return {
      port,
      roundTrips: () =>
        calls.read + calls.writeSheets + calls.writeCells + calls.applyRules + calls.defineNames,
      snapshot: async () => port.snapshot(),
    };
  },
};
