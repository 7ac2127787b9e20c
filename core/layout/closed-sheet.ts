/**
 * Risks closed in the quarter, with why, when, and when the committee heard of it; then, when
 * any were, the risks transferred to other registers, with where they went (PRODUCT §8).
 */
import { reportTableSheetPlan } from './report-table-sheet.ts';
import { plural } from '../issues/messages.ts';
import { dateCell } from '../cells/cell.ts';
import { formatQuarter } from '../quarters/quarter.ts';
import type { RegisterModel } from '../register/register-model.ts';
import type { PlanCell, SheetPlan } from './sheet-plan.ts';
import type { ReportOptions } from './register-sheet.ts';
import { safeSheetName } from './sheet-name.ts';
import { BODY, BODY_BOLD, DATE, NARRATIVE, SECTION, cell, headerRow } from './styles.ts';

const TITLES = [
  'ID',
  'Risk name',
  'Impact',
  'Key controls and activities',
  'Closure rationale',
  'Date closed',
  'Closure reported',
];

export function closedSheetPlan(model: RegisterModel, options: ReportOptions): SheetPlan {
  const quarterLabel = formatQuarter(model.quarter, options.calendar);
  const rows = model.closed.map((risk) => [
    cell(risk.id, BODY_BOLD),
    cell(risk.name, BODY_BOLD),
    cell(risk.impactNarrative, NARRATIVE),
    cell(risk.controls, NARRATIVE),
    cell(risk.rationale, NARRATIVE),
    cell(dateCell(risk.dateClosed), DATE),
    cell(risk.closureReported === undefined ? 'Not yet reported' : dateCell(risk.closureReported), DATE),
  ]);
  const subtitle =
    model.closed.length === 0
      ? `No risks were closed in ${quarterLabel}.`
      : `${plural(model.closed.length, 'risk')} closed in ${quarterLabel}.`;
  return reportTableSheetPlan({
    name: safeSheetName(`Closed ${quarterLabel}`),
    title: `${options.title} — closed risks ${quarterLabel}`,
    subtitle,
    headers: TITLES,
    body: [...rows, ...transferredSection(model, quarterLabel)],
    columnWidths: [9, 22, 50, 70, 50, 12, 14],
    footer: `${options.title} ${quarterLabel}`,
  });
}

const TRANSFERRED_TITLES = [
  'ID',
  'Risk name',
  'Transferred to',
  'Rationale',
  'Last rating',
  'Date transferred',
];

/** The Transferred section below the closed risks; nothing when no risk was transferred. */
function transferredSection(model: RegisterModel, quarterLabel: string): PlanCell[][] {
  if (model.transferred.length === 0) return [];
  return [
    [],
    [cell(`Transferred to other registers in ${quarterLabel}`, SECTION)],
    headerRow(TRANSFERRED_TITLES),
    ...model.transferred.map((risk) => [
      cell(risk.id, BODY_BOLD),
      cell(risk.name, BODY_BOLD),
      cell(risk.to, BODY),
      cell(risk.rationale, NARRATIVE),
      cell(risk.lastRating ?? 'Not assessed', BODY),
      cell(dateCell(risk.date), DATE),
    ]),
  ];
}
