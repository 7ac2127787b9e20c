/** The quarter's register sheet, laid out like the force's published register. */
import { sheetPlan } from './sheet-plan-defaults.ts';
import { plural } from '../issues/messages.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { FiscalCalendar } from '../quarters/quarter.ts';
import { formatQuarter, formatQuarterShort } from '../quarters/quarter.ts';
import type { RegisterModel } from '../register/register-model.ts';
import type { SheetPlan } from './sheet-plan.ts';
import { safeSheetName } from './sheet-name.ts';
import { wrappedRowHeights } from './row-height.ts';
import {
  BODY,
  BODY_BOLD,
  NARRATIVE,
  SUBTITLE,
  TITLE,
  TREND,
  cell,
  headerRow,
  ratingStyle,
} from './styles.ts';

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

/** Rows above the first risk: title, subtitle, blank, header. */
export const REGISTER_HEADER_ROWS = 4;

export function registerSheetPlan(model: RegisterModel, options: ReportOptions): SheetPlan {
  const { matrix, calendar } = options;
  const quarterLabel = formatQuarter(model.quarter, calendar);
  const trendTitles = model.quarters.map((q) => formatQuarterShort(q, calendar));
  const titles = [
    'ID',
    'Risk name',
    'Description',
    'Impact',
    'Key controls and activities',
    ...trendTitles,
    'Residual risk rating',
  ];
  const lastColumn = titles.length - 1;

  const rows = model.open.map(({ risk, trend, rating, severity }) => [
    cell(risk.id, BODY_BOLD),
    cell(risk.name, BODY_BOLD),
    cell(risk.description, NARRATIVE),
    cell(risk.impactNarrative, NARRATIVE),
    cell(risk.controls, NARRATIVE),
    ...trend.map((arrow) => cell(arrow, TREND)),
    cell(rating, ratingStyle(matrix.spec.ratings[severity]!)),
  ]);
  const emptyNote =
    model.open.length === 0
      ? [[cell(`No open risks were assessed at or before ${quarterLabel}.`, BODY)]]
      : [];

  const columnWidths = [9, 22, 50, 45, 90, ...trendTitles.map(() => 10), 13];
  const cells = [
    [cell(`${options.title} — ${quarterLabel}`, TITLE)],
    [
      cell(
        `${plural(model.open.length, 'open risk')}, most severe first. Trend: ↑ worsened, ↓ improved, ↔ unchanged since the previous quarter (see Trend key).`,
        SUBTITLE,
      ),
    ],
    [],
    headerRow(titles),
    ...rows,
    ...emptyNote,
  ];
  return sheetPlan({
    name: registerSheetName(model, calendar),
    cells,
    columnWidths,
    rowHeights: { 3: 32, ...wrappedRowHeights(cells, columnWidths, REGISTER_HEADER_ROWS) },
    merges: [
      { top: 0, left: 0, bottom: 0, right: lastColumn },
      { top: 1, left: 0, bottom: 1, right: lastColumn },
    ],
    frozenRows: REGISTER_HEADER_ROWS,
    frozenColumns: 2,
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: REGISTER_HEADER_ROWS,
      footer: `${options.title} ${quarterLabel}`,
      pageNumbers: true,
    },
  });
}
