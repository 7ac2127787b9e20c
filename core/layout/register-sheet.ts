/** The quarter's register sheet, laid out like the force's published register. */
import { reportTableSheetPlan } from './report-table-sheet.ts';
import { plural } from '../issues/messages.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { FiscalCalendar } from '../quarters/quarter.ts';
import { formatQuarter, formatQuarterShort } from '../quarters/quarter.ts';
import type { RegisterModel } from '../register/register-model.ts';
import type { PlanCell, SheetPlan } from './sheet-plan.ts';
import { safeSheetName } from './sheet-name.ts';
import { shownRegisterColumns } from './register-columns.ts';
import { BODY, BODY_BOLD, NARRATIVE, TREND, cell, ratingStyle } from './styles.ts';

export interface ReportOptions {
  readonly matrix: RiskMatrix;
  readonly calendar: FiscalCalendar;
  /** Shown in titles, e.g. `Force Risk Register`. */
  readonly title: string;
}

/** `Register Q2 2022-23`: sheet names cannot hold `/`. */
function registerSheetName(model: RegisterModel, calendar: FiscalCalendar): string {
  return safeSheetName(`Register ${formatQuarter(model.quarter, calendar)}`);
}

export function registerSheetPlan(model: RegisterModel, options: ReportOptions): SheetPlan {
  const { matrix, calendar } = options;
  const quarterLabel = formatQuarter(model.quarter, calendar);
  const trendTitles = model.quarters.map((q) => formatQuarterShort(q, calendar));
  const { before, after } = shownRegisterColumns(model.open);
  const titles = [
    'ID',
    'Risk name',
    'Description',
    'Impact',
    'Key controls and activities',
    ...trendTitles,
    ...before.map((column) => column.title),
    'Residual risk rating',
    ...after.map((column) => column.title),
  ];

  // Pushed cell by cell rather than spread from mapped arrays: this runs for every open risk.
  const rows = model.open.map((row) => {
    const { risk, trend, rating, severity } = row;
    const cells: PlanCell[] = [
      cell(risk.id, BODY_BOLD),
      cell(risk.name, BODY_BOLD),
      cell(risk.description, NARRATIVE),
      cell(risk.impactNarrative, NARRATIVE),
      cell(risk.controls, NARRATIVE),
    ];
    for (const arrow of trend) cells.push(cell(arrow, TREND));
    for (const column of before) cells.push(column.cell(row, matrix));
    cells.push(cell(rating, ratingStyle(matrix.spec.ratings[severity]!)));
    for (const column of after) cells.push(column.cell(row, matrix));
    return cells;
  });
  const emptyNote =
    model.open.length === 0
      ? [[cell(`No open risks were assessed at or before ${quarterLabel}.`, BODY)]]
      : [];

  const columnWidths = [
    9,
    22,
    50,
    45,
    90,
    ...trendTitles.map(() => 10),
    ...before.map((column) => column.width),
    13,
    ...after.map((column) => column.width),
  ];
  return reportTableSheetPlan({
    name: registerSheetName(model, calendar),
    title: `${options.title} — ${quarterLabel}`,
    subtitle: `${plural(model.open.length, 'open risk')}, most severe first. Trend: ↑ worsened, ↓ improved, ↔ unchanged since the previous quarter (see Trend key).`,
    headers: titles,
    body: [...rows, ...emptyNote],
    columnWidths,
    footer: `${options.title} ${quarterLabel}`,
    frozenColumns: 2,
  });
}
