/**
 * `History <quarter>` (PRODUCT §8): the rating in force per risk per quarter over the last N
 * quarters, coloured with the matrix colours, blank before a risk's first assessment and after
 * its closure.
 */
import { sheetPlan } from './sheet-plan-defaults.ts';
import { plural } from '../issues/messages.ts';
import { formatQuarter, formatQuarterShort } from '../quarters/quarter.ts';
import type { RegisterModel } from '../register/register-model.ts';
import type { PlanCell, SheetPlan } from './sheet-plan.ts';
import type { ReportOptions } from './register-sheet.ts';
import { safeSheetName } from './sheet-name.ts';
import { wrappedRowHeights } from './row-height.ts';
import { BODY, BODY_BOLD, CENTRED, SUBTITLE, TITLE, cell, headerRow } from './styles.ts';
import { a1 } from '../cells/cell.ts';
import { fontColourFor } from '../matrix/matrix.ts';
import { formulaString } from '../functions/formula-text.ts';

/** Rows above the first risk: title, subtitle, blank, header. */
const HEADER_ROWS = 4;

export function historySheetPlan(model: RegisterModel, options: ReportOptions): SheetPlan {
  const { matrix, calendar } = options;
  const { history } = model;
  const quarterLabel = formatQuarter(model.quarter, calendar);
  const first = history.quarters[0]!;
  const titles = ['ID', 'Risk name', ...history.quarters.map((q) => formatQuarterShort(q, calendar))];
  // One style for every rating cell and one colour rule per rating: a host writes a handful of
  // rules instead of a fill per cell, however many risks and quarters there are.
  // The rating cells are a handful of shared values: 10,000 risks × 8 quarters make no new ones.
  const ratingCellOf = matrix.spec.ratings.map((rating) => cell(rating.name, CENTRED));
  const blank = cell(null, CENTRED);
  const rows: PlanCell[][] = history.rows.map((row) => {
    const cells = [cell(row.id, BODY_BOLD), cell(row.name, BODY)];
    for (const severity of row.severities)
      cells.push(severity === undefined ? blank : ratingCellOf[severity]!);
    return cells;
  });
  const ratingCells = {
    top: HEADER_ROWS,
    left: 2,
    bottom: HEADER_ROWS + history.rows.length - 1,
    right: 1 + history.quarters.length,
  };
  const conditionalFormats =
    history.rows.length === 0
      ? []
      : matrix.spec.ratings.map((rating) => ({
          range: ratingCells,
          formula: `${a1(ratingCells.top, ratingCells.left)}=${formulaString(rating.name)}`,
          style: { bold: true, fill: rating.colour, fontColour: fontColourFor(rating) },
        }));
  const span =
    history.quarters.length === 1 ? quarterLabel : `${formatQuarter(first, calendar)} to ${quarterLabel}`;
  const cells: PlanCell[][] = [
    [cell(`${options.title} — rating history ${quarterLabel}`, TITLE)],
    [
      cell(
        `${plural(history.rows.length, 'risk')} open in ${span}: the rating in force each quarter (blank before the first assessment and after closure).`,
        SUBTITLE,
      ),
    ],
    [],
    headerRow(titles),
    ...rows,
  ];
  const columnWidths = [9, 44, ...history.quarters.map(() => 11)];
  return sheetPlan({
    name: safeSheetName(`History ${quarterLabel}`),
    cells,
    columnWidths,
    // .xlsx readers do not re-measure wrapped text: a long risk name gets its row's height here.
    rowHeights: { 3: 32, ...wrappedRowHeights(cells, columnWidths, HEADER_ROWS) },
    merges: [
      { top: 0, left: 0, bottom: 0, right: titles.length - 1 },
      { top: 1, left: 0, bottom: 1, right: titles.length - 1 },
    ],
    conditionalFormats,
    frozenRows: HEADER_ROWS,
    frozenColumns: 2,
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: HEADER_ROWS,
      footer: `${options.title} ${quarterLabel}`,
      pageNumbers: true,
    },
  });
}
