/** The matrix grid coloured by rating, with each open risk's ID in the cell of its impact and probability. */
import { sheetPlan } from './sheet-plan-defaults.ts';
import { formatQuarter } from '../quarters/quarter.ts';
import { isRatingsOnlyMatrix } from '../matrix/matrix.ts';
import type { RegisterModel } from '../register/register-model.ts';
import type { PlanCell, SheetPlan } from './sheet-plan.ts';
import type { ReportOptions } from './register-sheet.ts';
import { ROW_HEIGHT_MAX } from './row-height.ts';
import { safeSheetName } from './sheet-name.ts';
import { BODY_BOLD, CENTRED, SECTION, SUBTITLE, TITLE, cell, headerRow, ratingStyle } from './styles.ts';

export function heatMapSheetPlan(model: RegisterModel, options: ReportOptions): SheetPlan {
  const { matrix, calendar } = options;
  const { spec } = matrix;
  const quarterLabel = formatQuarter(model.quarter, calendar);
  const rows: PlanCell[][] = [];
  for (let p = matrix.probabilityLevels; p >= 1; p--) {
    rows.push([
      cell(`${p} ${spec.probability[p - 1]!.label}`, { ...BODY_BOLD, vertical: 'middle' }),
      ...Array.from({ length: matrix.impactLevels }, (_, i) => {
        const rating = spec.ratings[matrix.ratingIndex[p - 1]![i]!]!;
        const ids = model.heatMap[p - 1]![i]!;
        return cell(ids.join('\n'), { ...ratingStyle(rating), bold: false, wrap: true });
      }),
    ]);
  }
  const impactAxis = [
    cell('Probability ↑ / Impact →', SUBTITLE),
    ...spec.impact.map((level) => cell(`${level.value} ${level.label}`, { ...CENTRED, bold: true })),
  ];
  const busiest = Math.max(1, ...model.heatMap.flat().map((ids) => ids.length));
  const gridHeight = Math.min(ROW_HEIGHT_MAX, Math.max(36, 15 * busiest + 6));
  const rowHeights: Record<number, number> = {};
  for (let r = 0; r < matrix.probabilityLevels; r++) rowHeights[3 + r] = gridHeight;

  return sheetPlan({
    name: safeSheetName(`Heat map ${quarterLabel}`),
    cells: [
      [cell(`${options.title} — heat map ${quarterLabel}`, TITLE)],
      [
        cell(
          isRatingsOnlyMatrix(matrix)
            ? `The matrix "${spec.name}" has ratings only: the open risks by rating.`
            : `Open risks by residual impact and probability (${model.open.length - model.notScored.length} risks).`,
          SUBTITLE,
        ),
      ],
      [],
      ...rows,
      ...(isRatingsOnlyMatrix(matrix) ? [] : [impactAxis]),
      ...notScoredRows(model, options),
    ],
    columnWidths: [22, ...spec.impact.map(() => 16)],
    rowHeights,
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      fitToHeight: true,
      repeatRows: 0,
      footer: `${options.title} ${quarterLabel}`,
      pageNumbers: true,
    },
  });
}

/**
 * Open risks rated without levels have no cell on the grid: they are listed under it with their
 * rating (PRODUCT §8), and nothing is added when every risk is scored.
 */
function notScoredRows(model: RegisterModel, options: ReportOptions): PlanCell[][] {
  if (model.notScored.length === 0) return [];
  const byId = new Map(model.open.map((row) => [row.risk.id, row]));
  return [
    [],
    [cell(`Not scored: rated without impact and probability (${model.notScored.length})`, SECTION)],
    headerRow(['ID', 'Rating']),
    ...model.notScored.map((id) => {
      const row = byId.get(id)!;
      return [cell(id, BODY_BOLD), cell(row.rating, ratingStyle(options.matrix.spec.ratings[row.severity]!))];
    }),
  ];
}
