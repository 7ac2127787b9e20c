/** The house style every generated sheet shares, so the register reads as one document. */
import type { MatrixRating } from '../matrix/matrix.ts';
import { fontColourFor } from '../matrix/matrix.ts';
import type { CellStyle, PlanCell, PlanValue } from './sheet-plan.ts';
import { fitCellText } from './cell-text.ts';

const HEADER_FILL = '#1F3864';

export const TITLE: CellStyle = { bold: true, fontSize: 14, fontColour: HEADER_FILL };
export const SUBTITLE: CellStyle = { italic: true, fontColour: '#595959' };
export const SECTION: CellStyle = { bold: true, fontSize: 12, fontColour: HEADER_FILL };
export const HEADER: CellStyle = {
  bold: true,
  fontColour: '#FFFFFF',
  fill: HEADER_FILL,
  wrap: true,
  vertical: 'middle',
  horizontal: 'center',
  border: true,
};
export const BODY: CellStyle = { wrap: true, vertical: 'top', border: true };
export const BODY_BOLD: CellStyle = { ...BODY, bold: true };
/** Long narrative in printed registers: smaller type, as the published register uses. */
export const NARRATIVE: CellStyle = { ...BODY, fontSize: 9 };
/** Data sheets are for editing: one line per row, full text in the formula bar. */
export const DATA: CellStyle = { vertical: 'top' };
export const CENTRED: CellStyle = { ...BODY, horizontal: 'center', vertical: 'middle' };
export const TREND: CellStyle = { ...CENTRED, fontSize: 14 };
export const DATE: CellStyle = { ...BODY, numberFormat: 'dd/mm/yyyy', horizontal: 'center' };
export const NOTE: CellStyle = { italic: true, wrap: false, fontColour: '#595959' };

/** One style object per rating and base, so a 10,000-row register shares a handful of styles. */
const ratingStyles = new WeakMap<MatrixRating, Map<CellStyle, CellStyle>>();

export function ratingStyle(rating: MatrixRating, base: CellStyle = CENTRED): CellStyle {
  let byBase = ratingStyles.get(rating);
  if (!byBase) ratingStyles.set(rating, (byBase = new Map()));
  let style = byBase.get(base);
  if (!style)
    byBase.set(
      base,
      (style = { ...base, bold: true, fill: rating.colour, fontColour: fontColourFor(rating) }),
    );
  return style;
}

/** A cell; text is cut to the cell limit so no host rejects the write. */
export function cell(value: PlanValue, style?: CellStyle): PlanCell {
  const fitted = typeof value === 'string' ? fitCellText(value) : value;
  return style ? { value: fitted, style } : { value: fitted };
}

export function headerRow(titles: readonly string[]): PlanCell[] {
  return titles.map((title) => cell(title, HEADER));
}
