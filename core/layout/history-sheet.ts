/**
 * `History <quarter>` (PRODUCT §8): the rating in force per risk per quarter over the last N
 * quarters, coloured with the matrix colours, blank before a risk's first assessment and after
 * its closure.
 */
import { REPORT_HEADER_ROWS, reportTableSheetPlan } from './report-table-sheet.ts';
import { plural } from '../issues/messages.ts';
import { formatQuarter, formatQuarterShort } from '../quarters/quarter.ts';
import type { RegisterModel } from '../register/register-model.ts';
import type { PlanCell, SheetPlan } from './sheet-plan.ts';
import type { ReportOptions } from './register-sheet.ts';
import { safeSheetName } from './sheet-name.ts';
import { BODY, BODY_BOLD, CENTRED, cell } from './styles.ts';
import { a1 } from '../cells/cell.ts';
import { fontColourFor } from '../matrix/matrix.ts';
import { formulaString } from '../functions/formula-text.ts';

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
    top: REPORT_HEADER_ROWS,
    left: 2,
    bottom: REPORT_HEADER_ROWS + history.rows.length - 1,
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
  return reportTableSheetPlan({
    name: safeSheetName(`History ${quarterLabel}`),
    title: `${options.title} — rating history ${quarterLabel}`,
    subtitle: `${plural(history.rows.length, 'risk')} open in ${span}: the rating in force each quarter (blank before the first assessment and after closure).`,
    headers: titles,
    body: rows,
    columnWidths: [9, 44, ...history.quarters.map(() => 11)],
    footer: `${options.title} ${quarterLabel}`,
    frozenColumns: 2,
    conditionalFormats,
  });
}
