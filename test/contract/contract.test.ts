/**
 * The shared contract: every job gives the same issues, register model and workbook content —
 * values, styles, merges, validations, conditional formats and names — through every port, with
 * a count of host round trips that does not grow with the register. Each host's port joins by
 * adding its PortUnderTest to PORTS.
 */
import { describe, expect, it } from 'vitest';
import type { JobSettings, SetUpReport, SheetGrid } from '../../core/index.ts';
import {
  RISKS_SHEET_NAME,
  a1,
  fiscalCalendar,
  generate,
  matrixFromSpec,
  parseQuarter,
  recheckEdit,
  setUp,
  validate,
} from '../../core/index.ts';
import type { PortUnderTest, WorkbookSnapshot } from './port-under-test.ts';
import { EXCELJS_PORT } from './ports/exceljs-port.ts';
import { MEMORY_PORT } from '../support/memory-port.ts';
import { OFFICE_PORT } from './ports/office-port.ts';
import { REPORT_PORT } from './ports/report-port.ts';
import { SHEETS_PORT } from './ports/sheets-port.ts';
import type { Scenario } from './scenarios.ts';
import { SCENARIOS } from './scenarios.ts';
import { syntheticRegisterSheets } from '../support/synthetic-register-sheets.ts';

export const PORTS: readonly PortUnderTest[] = [MEMORY_PORT, EXCELJS_PORT, SHEETS_PORT, OFFICE_PORT];
/** Ports of jobs that write whole sheets only (generate, validate): the CLI's report writer too. */
const WHOLE_SHEET_PORTS: readonly PortUnderTest[] = [...PORTS, REPORT_PORT];

function settingsOf(scenario: Scenario): JobSettings {
  const calendar = fiscalCalendar(scenario.fyStart);
  const quarter = scenario.quarter === undefined ? undefined : parseQuarter(scenario.quarter, calendar);
  return {
    calendar,
    quarterCount: scenario.quarterCount,
    ...(quarter ? { quarter } : {}),
    ...(scenario.matrix ? { matrix: matrixFromSpec(scenario.matrix) } : {}),
  };
}

/** The sheets a job wrote or changed, by name; the others are the scenario's input. */
function sheetsNamed(snapshot: WorkbookSnapshot, names: readonly string[]) {
  return snapshot.sheets.filter((sheet) => names.includes(sheet.name));
}

/** Runs `job` on every port and expects one answer from all of them. */
async function onEveryPort<T>(
  sheets: readonly SheetGrid[],
  job: (port: Awaited<ReturnType<PortUnderTest['open']>>) => Promise<T>,
  ports: readonly PortUnderTest[] = PORTS,
) {
  const results: {
    name: string;
    value: T;
    snapshot: WorkbookSnapshot;
    roundTrips: number;
    roundTripPerPortCall: boolean;
  }[] = [];
  for (const portUnderTest of ports) {
    const opened = await portUnderTest.open(sheets);
    const value = await job(opened);
    results.push({
      name: portUnderTest.name,
      value,
      snapshot: await opened.snapshot(),
      roundTrips: opened.roundTrips(),
      roundTripPerPortCall: portUnderTest.roundTripPerPortCall,
    });
  }
  return results;
}

/** `RISKSCORE(C2,D2,Scoring!$A$1:$K$48)` → `RISKSCORE(C2,D2)`: the formula a host without the argument writes. */
function withoutScoringArgument(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const strip = (formula: string) => formula.replace(/,(?:'(?:[^']|'')+'|\w+)!\$A\$1:\$[A-Z]+\$\d+\)$/, ')');
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => ({
      ...sheet,
      values: sheet.values.map((row) =>
        row.map((v) =>
          v !== null && typeof v === 'object' && 'formula' in v ? { formula: strip(v.formula) } : v,
        ),
      ),
    })),
  };
}

/**
 * Score and Rating as the user reads them, whether a port writes a formula per row or one per
 * column in the header cell: a per-row RISKSCORE/RISKRATING cell reads as empty (its style too),
 * a column formula as its header text.
 */
function withoutLevelFormulas(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const LEVEL = /^(?:\{"((?:[^"]|"")*)";)?RISK(?:SCORE|RATING)\(/;
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => {
      const styles = { ...sheet.styles };
      const values = sheet.values.map((row, r) =>
        row.map((v, c) => {
          if (v === null || typeof v !== 'object' || !('formula' in v)) return v;
          const match = LEVEL.exec(v.formula);
          if (!match) return v;
          if (match[1] !== undefined) return match[1].replace(/""/g, '"');
          delete styles[a1(r, c)];
          return null;
        }),
      );
      for (const row of values) while (row.length > 0 && row.at(-1) === null) row.pop();
      while (values.length > 0 && values.at(-1)!.length === 0) values.pop();
      return { ...sheet, values, styles };
    }),
  };
}

describe.each(SCENARIOS)('contract: $name', (scenario) => {
  it('generate: the same issues, register and report sheets on every port, in two round trips', async () => {
    const results = await onEveryPort(
      scenario.sheets,
      ({ port }) => generate(port, settingsOf(scenario)),
      WHOLE_SHEET_PORTS,
    );
    const [reference, ...others] = results;
    const written = (reference!.value.plans ?? []).map((plan) => plan.name);
    expect(reference!.roundTrips).toBe(written.length > 0 ? 2 : 1);
    for (const other of others) {
      expect(other.value.issues, other.name).toEqual(reference!.value.issues);
      expect(other.value.model, other.name).toEqual(reference!.value.model);
      if (other.roundTripPerPortCall) expect(other.roundTrips, other.name).toBe(reference!.roundTrips);
      expect(sheetsNamed(other.snapshot, written), other.name).toEqual(
        sheetsNamed(reference!.snapshot, written),
      );
    }
  });

  it('validate: the same issues and report on every port, in one round trip, changing nothing', async () => {
    const results = await onEveryPort(scenario.sheets, async ({ port, snapshot }) => {
      const before = await snapshot();
      const result = await validate(port, settingsOf(scenario));
      expect(await snapshot()).toEqual(before);
      return result;
    });
    for (const other of results) {
      if (other.roundTripPerPortCall) expect(other.roundTrips, other.name).toBe(1);
      expect(other.value.issues, other.name).toEqual(results[0]!.value.issues);
      expect(other.value.report, other.name).toEqual(results[0]!.value.report);
    }
  });

  it('set up: the same sheets, rules and names on every port; a second run changes nothing', async () => {
    const results = await onEveryPort(scenario.sheets, async ({ port, snapshot }) => {
      const first = await setUp(port, scenario.matrix ? { matrix: matrixFromSpec(scenario.matrix) } : {});
      const once = await snapshot();
      const second = await setUp(port, scenario.matrix ? { matrix: matrixFromSpec(scenario.matrix) } : {});
      expect(await snapshot(), 'the second run changed the workbook').toEqual(once);
      expect(
        second.report.formulasAdded + second.report.sheetsAdded.length + second.report.headersAdded.length,
      ).toBe(0);
      return {
        ...first,
        names: Boolean(port.defineNames),
        scoringArgument: port.capabilities.functionsRecalculateOnArgumentsOnly,
        perColumn: port.capabilities.formulasPerColumn,
      };
    });
    const reference = results[0]!;
    for (const other of results.slice(1)) {
      // A host without names (Sheets) defines none; one whose functions recalculate on their
      // arguments only passes the Scoring range as a last argument; one whose custom-function
      // cells are executions writes a formula per column, not per row. All else is the same.
      const perColumn = other.value.perColumn !== reference.value.perColumn;
      const levelFormulas = ({ formulasAdded, columnFormulas, columnsLeftAlone }: SetUpReport) => ({
        formulasAdded,
        columnFormulas,
        columnsLeftAlone,
      });
      const comparableReport = (report: SetUpReport) => ({
        ...report,
        namesDefined: [],
        ...(perColumn ? { formulasAdded: 0, columnFormulas: [], columnsLeftAlone: [] } : {}),
      });
      expect(comparableReport(other.value.report), other.name).toEqual(
        comparableReport(reference.value.report),
      );
      if (perColumn && levelFormulas(reference.value.report).formulasAdded > 0) {
        // Per column: no per-row formula; each Score/Rating column has its formula or is left alone
        // (a ratings-only matrix has no levels, so no port writes a formula for it).
        const { formulasAdded, columnFormulas, columnsLeftAlone } = levelFormulas(other.value.report);
        expect(formulasAdded, other.name).toBe(0);
        expect(columnFormulas.length + columnsLeftAlone.length, other.name).toBeGreaterThan(0);
      }
      if (other.value.names)
        expect(other.value.report.namesDefined, other.name).toEqual(reference.value.report.namesDefined);
      const comparable = (snapshot: WorkbookSnapshot, withNames: boolean, scoringArgument: boolean) => {
        const sheets = perColumn ? withoutLevelFormulas(snapshot) : snapshot;
        return {
          sheets: scoringArgument ? withoutScoringArgument(sheets).sheets : sheets.sheets,
          names: withNames ? snapshot.names : [],
        };
      };
      expect(comparable(other.snapshot, true, other.value.scoringArgument), other.name).toEqual(
        comparable(reference.snapshot, other.value.names, reference.value.scoringArgument),
      );
    }
  });

  it('recheck edit: the same issues and restored rules on every port', async () => {
    const range = { top: 1, left: 0, bottom: 12, right: 8 };
    const results = await onEveryPort(scenario.sheets, async ({ port }) => [
      await recheckEdit(port, { sheet: 'Assessments', range }, settingsOf(scenario)),
      await recheckEdit(port, { sheet: RISKS_SHEET_NAME, range }, settingsOf(scenario)),
    ]);
    for (const other of results.slice(1)) {
      expect(other.value, other.name).toEqual(results[0]!.value);
      expect(other.snapshot, other.name).toEqual(results[0]!.snapshot);
    }
  });
});

describe('contract: round trips do not grow with the register', () => {
  const sheetsOf = (risks: number) => syntheticRegisterSheets(risks, 4);
  type Job = 'generate' | 'validate' | 'setUp' | 'recheck';
  const tripsOf = async (portUnderTest: PortUnderTest, risks: number, jobs: readonly Job[]) => {
    const trips: number[] = [];
    for (const job of jobs) {
      const opened = await portUnderTest.open(sheetsOf(risks));
      const settings = { calendar: fiscalCalendar(4), quarterCount: 4 };
      if (job === 'generate') await generate(opened.port, settings);
      if (job === 'validate') await validate(opened.port, settings);
      if (job === 'setUp') await setUp(opened.port);
      if (job === 'recheck')
        await recheckEdit(
          opened.port,
          { sheet: 'Assessments', range: { top: 3, left: 2, bottom: 3 + risks, right: 3 } },
          settings,
        );
      trips.push(opened.roundTrips());
    }
    return trips;
  };
  const ALL_JOBS: readonly Job[] = ['generate', 'validate', 'setUp', 'recheck'];
  const SHEETS_SET_UP_GROWS: readonly Job[] = ['generate', 'validate', 'recheck'];
  it.each(PORTS.map((p) => [p.name, p] as const))(
    '%s: generate, validate, set up and recheck on 10 and 400 risks',
    async (_name, portUnderTest) => {
      // Sheets' Set up is held apart below: it makes one more SpreadsheetApp call per few hundred risks.
      const jobs = portUnderTest.roundTripPerPortCall ? ALL_JOBS : SHEETS_SET_UP_GROWS;
      expect(await tripsOf(portUnderTest, 400, jobs)).toEqual(await tripsOf(portUnderTest, 10, jobs));
    },
  );

  // Sheets' Set up grows a data sheet that the rules must reach past its last row with one
  // insertRowsAfter (a sheet starts with 1,000 rows): one call more per such sheet, whatever the
  // size beyond that (88 calls at 10 risks, 89 at 400, 90 from 800 on).
  it('Google Sheets: Set up makes the same calls at 800 and 3,000 risks, and one more per data sheet it grows than at 10', async () => {
    const sheets = PORTS.find((p) => !p.roundTripPerPortCall)!;
    const [small, large, larger] = [
      await tripsOf(sheets, 10, ['setUp']),
      await tripsOf(sheets, 800, ['setUp']),
      await tripsOf(sheets, 3000, ['setUp']),
    ];
    expect(larger).toEqual(large);
    // Risks and Assessments both pass 1,000 rows at 800 risks.
    expect(large[0]! - small[0]!).toBe(2);
  });
});
