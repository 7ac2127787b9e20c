/**
 * Writes .xlsx files too big to hold as text — a sheet formatted down to row 1,048,576 as Excel
 * writes it, a shared-strings table of hundreds of MB — part by part from generators of XML
 * text, deflated chunk by chunk, so only the compressed file is ever in memory. Also a way to
 * lie about a part's declared size, as a decompression bomb may.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { columnName } from './xlsx-fixtures.ts';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A part's content: text pieces, joined and deflated about a megabyte at a time. */
export type PartText = Iterable<string>;

interface Written {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly compressed: number;
  readonly offset: number;
}

/** Deflates pieces of text as they come (each flush ends byte-aligned, so the pieces join into one stream). */
function deflateParts(
  text: PartText,
  out: Buffer[],
  level: number,
): { crc: number; size: number; compressed: number } {
  let crc = 0;
  let size = 0;
  let compressed = 0;
  let pending = '';
  const flush = (last: boolean) => {
    const bytes = Buffer.from(pending, 'utf8');
    pending = '';
    crc = crc32(bytes, crc);
    size += bytes.length;
    const deflated = deflateRawSync(bytes, {
      level,
      finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    });
    compressed += deflated.length;
    out.push(deflated);
  };
  for (const piece of text) {
    pending += piece;
    if (pending.length >= 1 << 20) flush(false);
  }
  flush(true);
  return { crc, size, compressed };
}

/**
 * A zip of the given parts (deflated at `level`, 1 unless given), with each part's declared size
 * multiplied by `declaredScale[name]` when given (a size that lies, as a bomb's may).
 */
export function streamedZip(
  parts: Readonly<Record<string, PartText>>,
  declaredScale: Readonly<Record<string, number>> = {},
  level = 1,
): Buffer {
  const out: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    out.push(header, nameBytes);
    const data: Buffer[] = [];
    const { crc, size, compressed } = deflateParts(text, data, level);
    out.push(...data);
    const declared = Math.round(size * (declaredScale[name] ?? 1));
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
    header.writeUInt16LE(nameBytes.length, 26);
    written.push({ name: nameBytes, crc, size: declared, compressed, offset });
    offset += 30 + nameBytes.length + compressed;
  }
  const directoryStart = offset;
  for (const entry of written) {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(entry.compressed, 20);
    record.writeUInt32LE(Math.min(entry.size, 0xffffffff), 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt32LE(entry.offset, 42);
    out.push(record, entry.name);
    offset += 46 + entry.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  out.push(end);
  return Buffer.concat(out);
}

/** The parts every workbook needs around its sheets: one part per sheet name, in order. */
export function workbookParts(
  sheets: readonly { readonly name: string; readonly xml: PartText }[],
  extra: Readonly<Record<string, PartText>> = {},
): Record<string, PartText> {
  const parts: Record<string, PartText> = {
    '[Content_Types].xml': [
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    ],
    '_rels/.rels': [
      `${DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    'xl/workbook.xml': [
      `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    'xl/_rels/workbook.xml.rels': [
      `${DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    'xl/styles.xml': [
      `${DECLARATION}<styleSheet xmlns="${MAIN_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="0" applyFill="1"/></cellXfs></styleSheet>`,
    ],
  };
  sheets.forEach((sheet, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheet.xml));
  return { ...parts, ...extra };
}

/**
 * A worksheet as Excel writes one whose columns A to `width` are formatted down to `lastRow`:
 * the `rows` of values (inline strings and numbers) first, then every formatted cell of every
 * row, each an empty `<c r="B17" s="1"/>` in a `<row ... s="1" customFormat="1">`.
 */
export function* formattedSheet(
  rows: readonly (readonly (string | number)[])[],
  width: number,
  lastRow: number,
): Generator<string> {
  const names = Array.from({ length: width }, (_, c) => columnName(c));
  yield `${DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${names[width - 1]}${lastRow}"/><sheetData>`;
  for (let r = 1; r <= lastRow; r++) {
    const values = rows[r - 1];
    let xml = `<row r="${r}" spans="1:${width}" s="1" customFormat="1">`;
    for (let c = 0; c < width; c++) {
      const value = values?.[c];
      if (value === undefined) xml += `<c r="${names[c]}${r}" s="1"/>`;
      else if (typeof value === 'number') xml += `<c r="${names[c]}${r}" s="1"><v>${value}</v></c>`;
      else xml += `<c r="${names[c]}${r}" s="1" t="inlineStr"><is><t>${value}</t></is></c>`;
    }
    yield `${xml}</row>`;
  }
  yield '</sheetData></worksheet>';
}

/** A shared-strings table of `count` items made by `item(i)`. */
export function* sharedStringsTable(count: number, item: (i: number) => string): Generator<string> {
  yield `${DECLARATION}<sst xmlns="${MAIN_NS}" count="${count}" uniqueCount="${count}">`;
  for (let i = 0; i < count; i++) yield `<si><t>${item(i)}</t></si>`;
  yield '</sst>';
}
