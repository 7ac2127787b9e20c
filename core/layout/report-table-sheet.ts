/**
 * The frame the table-shaped report sheets share (Register, Closed, Actions, History): a title and
 * a subtitle across the table, a blank row, a header row frozen and repeated on every printed
 * page, then the body; landscape, with the report's footer and page numbers.
 */
import type { ConditionalFormat, PlanCell, SheetPlan } from './sheet-plan.ts';
import { sheetPlan } from './sheet-plan-defaults.ts';
import { wrappedRowHeights } from './row-height.ts';
import { SUBTITLE, TITLE, cell, headerRow } from './styles.ts';

/** Rows above the first body row: title, subtitle, blank, header. */
export const REPORT_HEADER_ROWS = 4;

/** The header row is taller: its titles wrap onto two lines. */
const HEADER_ROW_HEIGHT = 32;

export interface ReportTableSheet {
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly headers: readonly string[];
  /** Everything below the header row. */
  readonly body: readonly PlanCell[][];
  readonly columnWidths: readonly number[];
  /** Printed at the foot of each page with the page number. */
  readonly footer: string;
  /** Columns that stay in view while scrolling right (ID and name); none by default. */
  readonly frozenColumns?: number;
  readonly conditionalFormats?: readonly ConditionalFormat[];
}

export function reportTableSheetPlan(sheet: ReportTableSheet): SheetPlan {
  const { headers, columnWidths } = sheet;
  const cells: PlanCell[][] = [
    [cell(sheet.title, TITLE)],
    [cell(sheet.subtitle, SUBTITLE)],
    [],
    headerRow(headers),
    ...sheet.body,
  ];
  const lastColumn = headers.length - 1;
  // .xlsx readers do not re-measure wrapped text: a long risk name gets its row's height here.
  // The header row's height is added to the body's, not both spread into a new object: a
  // 10,000-row register has thousands of heights, and spreading them cost more than measuring.
  const rowHeights = wrappedRowHeights(cells, columnWidths, REPORT_HEADER_ROWS);
  rowHeights[REPORT_HEADER_ROWS - 1] = HEADER_ROW_HEIGHT;
  return sheetPlan({
    name: sheet.name,
    cells,
    columnWidths,
    rowHeights,
    merges: [
      { top: 0, left: 0, bottom: 0, right: lastColumn },
      { top: 1, left: 0, bottom: 1, right: lastColumn },
    ],
    frozenRows: REPORT_HEADER_ROWS,
    ...(sheet.frozenColumns !== undefined ? { frozenColumns: sheet.frozenColumns } : {}),
    ...(sheet.conditionalFormats !== undefined ? { conditionalFormats: sheet.conditionalFormats } : {}),
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: REPORT_HEADER_ROWS,
      footer: sheet.footer,
      pageNumbers: true,
    },
  });
}
