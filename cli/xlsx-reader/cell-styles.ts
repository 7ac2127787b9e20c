// Reads just enough of xl/styles.xml to know, per cell style, whether a number shows as a date or as ID text.
import { isBuiltinDateFormat, isDateFormat } from '../../core/index.ts';
import { literalNumberFormat } from './number-format-text.ts';
import { attribute, isSpreadsheetMl, parseXmlPart } from './xml-events.ts';

/** How a number in a cell of this style reads: a date, displayed ID text, or the number itself. */
export type NumberDisplay = 'date' | 'number' | ((value: number) => string | undefined);

/** One entry per `<cellXfs><xf>`, indexed by a cell's `s` attribute. */
export type CellStyles = readonly NumberDisplay[];

function displayOf(numFmtId: number, codes: ReadonlyMap<number, string>): NumberDisplay {
  const code = codes.get(numFmtId);
  // A code in <numFmts> wins; without one the id must be a built-in format.
  if (code === undefined) return isBuiltinDateFormat(numFmtId) ? 'date' : 'number';
  if (isDateFormat(code)) return 'date';
  return literalNumberFormat(code) ?? 'number';
}

/**
 * The number display of every cell style. Only `numFmts` and `cellXfs` are read: `cellStyleXfs`
 * also holds `<xf>` elements, but cells point into `cellXfs`, and Excel applies its numFmtId
 * whatever `applyNumberFormat` says.
 */
export function parseCellStyles(part: string, bytes: Uint8Array): CellStyles {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parseXmlPart(part, bytes, {
    open(tag) {
      if (!isSpreadsheetMl(tag)) return;
      if (tag.local === 'numFmt') {
        const id = Number(attribute(tag, 'numFmtId'));
        const code = attribute(tag, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
      } else if (tag.local === 'cellXfs') inCellXfs = true;
      else if (tag.local === 'xf' && inCellXfs) formatIds.push(Number(attribute(tag, 'numFmtId') ?? 0));
    },
    close(tag) {
      if (isSpreadsheetMl(tag) && tag.local === 'cellXfs') inCellXfs = false;
    },
  });
  // Many cells share few styles: decide each (numFmtId) once.
  const byId = new Map<number, NumberDisplay>();
  return formatIds.map((id) => {
    if (!byId.has(id)) byId.set(id, displayOf(id, codes));
    return byId.get(id)!;
  });
}
