/** What changed since last quarter: new, escalated, de-escalated and closed risks, the optional counts (movement-extras.ts), and the count by rating. */
import { sheetPlan } from './sheet-plan-defaults.ts';
import { formatQuarter, previousQuarter } from '../quarters/quarter.ts';
import type { RegisterModel } from '../register/register-model.ts';
import type { PlanCell, SheetPlan } from './sheet-plan.ts';
import type { ReportOptions } from './register-sheet.ts';
import { safeSheetName } from './sheet-name.ts';
import { shownMovementExtras } from '../register/movement-extras.ts';
import {
  BODY,
  BODY_BOLD,
  CENTRED,
  NOTE,
  SECTION,
  SUBTITLE,
  TITLE,
  cell,
  headerRow,
  ratingStyle,
} from './styles.ts';

export function movementSheetPlan(model: RegisterModel, options: ReportOptions): SheetPlan {
  const { matrix, calendar } = options;
  const quarterLabel = formatQuarter(model.quarter, calendar);
  const previousLabel = formatQuarter(previousQuarter(model.quarter), calendar);
  const { movement } = model;
  const ratingByName = new Map(matrix.spec.ratings.map((r) => [r.name, r]));
  const ratingCell = (name: string) => {
    const rating = ratingByName.get(name);
    return rating ? cell(name, ratingStyle(rating)) : cell(name, CENTRED);
  };
  const none = (what: string): PlanCell[][] => [[cell(`No ${what} risks.`, NOTE)]];
  const extras = shownMovementExtras(model);

  const countRows = [...matrix.spec.ratings]
    .reverse()
    .map((rating) => [
      cell(rating.name, ratingStyle(rating)),
      cell(model.open.filter((row) => row.rating === rating.name).length, CENTRED),
    ]);

  const cells: PlanCell[][] = [
    [cell(`${options.title} — movement ${quarterLabel}`, TITLE)],
    [cell(`Changes since ${previousLabel}.`, SUBTITLE)],
    [],
    headerRow(['Movement', 'Risks']),
    [cell('New', BODY_BOLD), cell(movement.new.length, CENTRED)],
    [cell('Escalated (rating up)', BODY_BOLD), cell(movement.escalated.length, CENTRED)],
    [cell('De-escalated (rating down)', BODY_BOLD), cell(movement.deEscalated.length, CENTRED)],
    [cell('Closed', BODY_BOLD), cell(movement.closed.length, CENTRED)],
    ...extras.map(({ extra, risks }) => [cell(extra.label, BODY_BOLD), cell(risks.length, CENTRED)]),
    [],
    headerRow(['Rating', 'Open risks']),
    ...countRows,
    [cell('Total', BODY_BOLD), cell(model.open.length, CENTRED)],
    [],
    [cell('New risks', SECTION)],
    ...(movement.new.length === 0
      ? none('new')
      : [
          headerRow(['ID', 'Risk name', 'Rating']),
          ...movement.new.map((r) => [cell(r.id, BODY_BOLD), cell(r.name, BODY), ratingCell(r.rating)]),
        ]),
    [],
    [cell('Escalated risks', SECTION)],
    ...changeRows(movement.escalated, 'escalated'),
    [],
    [cell('De-escalated risks', SECTION)],
    ...changeRows(movement.deEscalated, 'de-escalated'),
    [],
    [cell('Closed risks', SECTION)],
    ...(movement.closed.length === 0
      ? none('closed')
      : [
          headerRow(['ID', 'Risk name']),
          ...movement.closed.map((r) => [cell(r.id, BODY_BOLD), cell(r.name, BODY)]),
        ]),
    ...extras.flatMap(({ extra, risks }) => [
      [],
      [cell(extra.section, SECTION)],
      ...(risks.length === 0
        ? [[cell(extra.none, NOTE)]]
        : [headerRow(['ID', 'Risk name']), ...risks.map((r) => [cell(r.id, BODY_BOLD), cell(r.name, BODY)])]),
    ]),
  ];

  function changeRows(changes: RegisterModel['movement']['escalated'], what: string): PlanCell[][] {
    if (changes.length === 0) return none(what);
    return [
      headerRow(['ID', 'Risk name', `Rating ${previousLabel}`, `Rating ${quarterLabel}`]),
      ...changes.map((c) => [
        cell(c.id, BODY_BOLD),
        cell(c.name, BODY),
        ratingCell(c.from),
        ratingCell(c.to),
      ]),
    ];
  }

  return sheetPlan({
    name: safeSheetName(`Movement ${quarterLabel}`),
    cells,
    columnWidths: [28, 40, 18, 18],
    print: {
      orientation: 'portrait',
      fitToWidth: true,
      repeatRows: 0,
      footer: `${options.title} ${quarterLabel}`,
      pageNumbers: true,
    },
  });
}
