/**
 * The shared contract: every scenario gives the same issues, register model and report sheets
 * through every WorkbookPort. The exceljs port goes through real .xlsx files both ways.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/cells/cell.ts';
import { matrixFromSpec } from '../../core/matrix/matrix.ts';
import { fiscalCalendar, parseQuarter } from '../../core/quarters/quarter.ts';
import type { ReportSettings } from '../../core/jobs/analyse-workbook.ts';
import { generateQuarterlyReport, validateWorkbook } from '../../core/jobs/register-job.ts';
import type { PlanValue, SheetPlan } from '../../core/layout/sheet-plan.ts';
import type { WorkbookPort } from '../../core/ports/workbook-port.ts';
import { readSheetGrid } from '../../cli/xlsx-read.ts';
import { XlsxWorkbookPort } from '../../cli/xlsx-workbook-port.ts';
import { fixtureWorkbookBuffer } from '../support/workbook-fixture.ts';
import { MemoryWorkbookPort } from './memory-port.ts';
import type { Scenario } from './scenarios.ts';
import { SCENARIOS } from './scenarios.ts';

function settingsOf(scenario: Scenario): ReportSettings {
  const calendar = fiscalCalendar(scenario.fyStart);
  const quarter = scenario.quarter === undefined ? undefined : parseQuarter(scenario.quarter, calendar);
  return {
    calendar,
    quarterCount: scenario.quarterCount,
    ...(quarter ? { quarter } : {}),
    ...(scenario.matrix ? { matrix: matrixFromSpec(scenario.matrix) } : {}),
  };
}

interface PortUnderTest {
  readonly name: string;
  open(scenario: Scenario): Promise<WorkbookPort & { calls: { readSheet: number; writeSheet: number } }>;
  /** What the port wrote, read back as cell values. */
  written(port: WorkbookPort): Promise<Map<string, CellValue[][]>>;
}

const planValues = (plan: SheetPlan): CellValue[][] => plan.cells.map((row) => row.map((cell) => fromPlanValue(cell.value)));

function fromPlanValue(value: PlanValue): CellValue {
  if (value !== null && typeof value === 'object' && 'formula' in value) throw new Error('report sheets hold no formulas');
  return value;
}

/** Empty strings read back as empty cells, and trailing empty cells and rows are not stored. */
function normalise(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const out = rows.map((row) => {
    const cells = row.map((value) => (value === '' ? null : value));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

const PORTS: readonly PortUnderTest[] = [
  {
    name: 'in-memory',
    open: async (scenario) => new MemoryWorkbookPort(scenario.sheets),
    written: async (port) => new Map([...(port as MemoryWorkbookPort).written].map(([name, plan]) => [name, planValues(plan)])),
  },
  {
    name: 'exceljs (.xlsx files)',
    open: async (scenario) => {
      const input = new ExcelJS.Workbook();
      await input.xlsx.load((await fixtureWorkbookBuffer(scenario.sheets)) as unknown as ExcelJS.Buffer);
      return new XlsxWorkbookPort(input);
    },
    written: async (port) => {
      const reread = new ExcelJS.Workbook();
      await reread.xlsx.load((await (port as XlsxWorkbookPort).outputBuffer()) as unknown as ExcelJS.Buffer);
      return new Map(reread.worksheets.map((sheet) => [sheet.name, readSheetGrid(sheet).rows.map((row) => [...row])]));
    },
  },
];

describe.each(SCENARIOS)('contract: $name', (scenario) => {
  it('every port reports the same issues, register and report sheets, reading each sheet once and writing each sheet once', async () => {
    const results = [];
    for (const portUnderTest of PORTS) {
      const port = await portUnderTest.open(scenario);
      const outcome = await generateQuarterlyReport(port, settingsOf(scenario));
      const written = await portUnderTest.written(port);
      expect(port.calls.readSheet, portUnderTest.name).toBe(3);
      expect(port.calls.writeSheet, portUnderTest.name).toBe(outcome.plans?.length ?? 0);
      results.push({ name: portUnderTest.name, outcome, written });
    }
    const [reference, ...others] = results;
    for (const other of others) {
      expect(other.outcome.issues, other.name).toEqual(reference!.outcome.issues);
      expect(other.outcome.model, other.name).toEqual(reference!.outcome.model);
      expect([...other.written.keys()], other.name).toEqual([...reference!.written.keys()]);
      for (const [name, rows] of reference!.written) {
        expect(normalise(other.written.get(name)!), `${other.name}: ${name}`).toEqual(normalise(rows));
      }
    }
  });

  it('every port validates the same', async () => {
    const issues = [];
    for (const portUnderTest of PORTS) issues.push((await validateWorkbook(await portUnderTest.open(scenario), settingsOf(scenario))).issues);
    for (const other of issues.slice(1)) expect(other).toEqual(issues[0]);
  });
});
