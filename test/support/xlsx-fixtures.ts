/**
 * Writes .xlsx files the way other programs do (LibreOffice, SheetJS, openpyxl, the Open XML SDK):
 * zip entries and XML written directly with fflate, so a test controls every byte the reader sees.
 */
import { strToU8, zipSync } from 'fflate';
import type { CellValue } from '../../core/index.ts';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A zip of the given entries (text entries as UTF-8). */
export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts)) {
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files);
}

export interface SheetSpec {
  readonly name: string;
  /** The inside of `<sheetData>`, written with unprefixed names (the `prefix` option adds one). */
  readonly sheetData?: string;
  /** XML after `</sheetData>`, such as `<mergeCells>`. */
  readonly after?: string;
  /** XML before `<sheetData>`, such as `<dimension>` or `<cols>`. */
  readonly before?: string;
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
  readonly kind?: 'worksheet' | 'chartsheet' | 'dialogsheet';
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** `workbookPr@date1904` as written (`'1'`, `'true'`, `'false'`); absent when undefined. */
  readonly date1904?: string;
  /** Inner XML of each `<si>`; no sharedStrings part when undefined. */
  readonly sharedStrings?: readonly string[];
  /** Custom formats for `<numFmts>`. */
  readonly numFmts?: readonly { readonly id: number; readonly code: string }[];
  /** numFmtId of each `<cellXfs><xf>`, in order (style 0 first); no styles part when undefined. */
  readonly cellXfs?: readonly number[];
  /** Writes every SpreadsheetML element with this prefix (`x` as the Open XML SDK does). */
  readonly prefix?: string;
  readonly strict?: boolean;
  /** Relationship targets as absolute part names (`/xl/worksheets/sheet1.xml`). */
  readonly absoluteTargets?: boolean;
  /** Parts added as they are (comments, drawings, tables...), or replacing generated ones. */
  readonly extraParts?: Readonly<Record<string, string>>;
}

/** Adds `prefix:` to every element name of SpreadsheetML XML written without one. */
export function prefixElements(xml: string, prefix: string | undefined): string {
  if (!prefix) return xml;
  return xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, `<$1${prefix}:$2`);
}

function nsDeclaration(spec: WorkbookSpec): string {
  const uri = spec.strict ? STRICT_NS : MAIN_NS;
  return spec.prefix ? `xmlns:${spec.prefix}="${uri}"` : `xmlns="${uri}"`;
}

function relNs(spec: WorkbookSpec): string {
  return spec.strict ? STRICT_REL_NS : REL_NS;
}

function relType(spec: WorkbookSpec, kind: string): string {
  return `${relNs(spec)}/${kind}`;
}

function sheetPath(sheet: SheetSpec, index: number): string {
  const folder =
    sheet.kind === 'chartsheet'
      ? 'chartsheets'
      : sheet.kind === 'dialogsheet'
        ? 'dialogsheets'
        : 'worksheets';
  return `${folder}/sheet${index + 1}.xml`;
}

function workbookXml(spec: WorkbookSpec): string {
  const pr = spec.date1904 === undefined ? '<workbookPr/>' : `<workbookPr date1904="${spec.date1904}"/>`;
  const sheets = spec.sheets
    .map((sheet, i) => {
      const state = sheet.state ? ` state="${sheet.state}"` : '';
      return `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
    })
    .join('');
  const body = `<workbook ${nsDeclaration(spec)} xmlns:r="${relNs(spec)}">${pr}<sheets>${sheets}</sheets></workbook>`;
  return xmlDeclaration + prefixElements(body, spec.prefix);
}

function workbookRels(spec: WorkbookSpec): string {
  const target = (path: string) => (spec.absoluteTargets ? `/xl/${path}` : path);
  const rels = spec.sheets.map(
    (sheet, i) =>
      `<Relationship Id="rId${i + 1}" Type="${relType(spec, sheet.kind ?? 'worksheet')}" Target="${target(sheetPath(sheet, i))}"/>`,
  );
  if (spec.sharedStrings) {
    rels.push(
      `<Relationship Id="rIdS" Type="${relType(spec, 'sharedStrings')}" Target="${target('sharedStrings.xml')}"/>`,
    );
  }
  if (spec.cellXfs) {
    rels.push(`<Relationship Id="rIdT" Type="${relType(spec, 'styles')}" Target="${target('styles.xml')}"/>`);
  }
  return `${xmlDeclaration}<Relationships xmlns="${PACKAGE_REL_NS}">${rels.join('')}</Relationships>`;
}

function sheetXml(spec: WorkbookSpec, sheet: SheetSpec): string {
  if (sheet.kind === 'chartsheet')
    return `${xmlDeclaration}<chartsheet ${nsDeclaration(spec)}><sheetPr/></chartsheet>`;
  if (sheet.kind === 'dialogsheet') return `${xmlDeclaration}<dialogsheet ${nsDeclaration(spec)}/>`;
  const body =
    `<worksheet ${nsDeclaration(spec)} xmlns:r="${relNs(spec)}">${sheet.before ?? ''}` +
    `<sheetData>${sheet.sheetData ?? ''}</sheetData>${sheet.after ?? ''}</worksheet>`;
  return xmlDeclaration + prefixElements(body, spec.prefix);
}

function stylesXml(spec: WorkbookSpec): string {
  const fmts = (spec.numFmts ?? []).map(
    (f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`,
  );
  const xfs = (spec.cellXfs ?? []).map(
    (id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
  );
  // A cellStyleXfs <xf> with a date format that no cell points at: it must not count.
  const body =
    `<styleSheet ${nsDeclaration(spec)}>` +
    (fmts.length > 0 ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : '') +
    `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;
  return xmlDeclaration + prefixElements(body, spec.prefix);
}

function sharedStringsXml(spec: WorkbookSpec, items: readonly string[]): string {
  const body = `<sst ${nsDeclaration(spec)} count="${items.length}" uniqueCount="${items.length}">${items.map((si) => `<si>${si}</si>`).join('')}</sst>`;
  return xmlDeclaration + prefixElements(body, spec.prefix);
}

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const PACKAGE_RELS =
  `${xmlDeclaration}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" ` +
  `Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** The whole workbook as .xlsx bytes. */
export function buildXlsx(spec: WorkbookSpec): Uint8Array {
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${xmlDeclaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': PACKAGE_RELS,
    'xl/workbook.xml': workbookXml(spec),
    'xl/_rels/workbook.xml.rels': workbookRels(spec),
  };
  spec.sheets.forEach((sheet, i) => (parts[`xl/${sheetPath(sheet, i)}`] = sheetXml(spec, sheet)));
  if (spec.sharedStrings) parts['xl/sharedStrings.xml'] = sharedStringsXml(spec, spec.sharedStrings);
  if (spec.cellXfs) parts['xl/styles.xml'] = stylesXml(spec);
  return zipParts({ ...parts, ...spec.extraParts });
}

/**
 * The fixtures write XML independently of the reader on purpose: escaping here is not
 * cli/xml-text.ts (the module the reader un-escapes with), so the round-trip property can catch
 * an escaping bug there.
 */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Characters XML 1.0 cannot carry (or would normalise, like CR), and lone surrogates. */
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as Excel stores it in `<t>`/`<v>`: every underscore followed by `xHHHH_` is escaped
 * (`_x005F_`) first, then unsafe characters become `_xHHHH_`, then XML escaping. The lookahead
 * matters: in `_x005F_x0041_` the underscore closing the first sequence also opens the second,
 * so both must be escaped (found by the round-trip property).
 */
export function ooxmlText(text: string): string {
  const literal = text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  const safe = literal.replace(
    UNSAFE,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return escapeXml(safe);
}

/** A `<t>` element keeping its white space. */
export function tElement(text: string): string {
  return `<t xml:space="preserve">${ooxmlText(text)}</t>`;
}

export interface GridForm {
  readonly strings: 'shared' | 'inline' | 'rich';
  /** `all`: every row and cell has `r`; `implied`: only where not the next position; `none`: never (gaps are empty elements). */
  readonly refs: 'all' | 'implied' | 'none';
  readonly prefix: boolean;
  readonly strict: boolean;
  readonly date1904: boolean;
  readonly dates: 'iso' | 'serial';
  /** Every value written as a formula with that value cached. */
  readonly formulas: boolean;
}

/** Day serial of an ISO date in the 1900 (with its phantom 1900-02-29) or 1904 system. */
export function serialOf(iso: string, date1904: boolean): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (date1904) return (ms - Date.UTC(1904, 0, 1)) / 86_400_000;
  const days = (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
  return days < 61 ? days - 1 : days;
}

/** The column letters of a 0-based column. */
export function columnName(column: number): string {
  let n = column + 1;
  let name = '';
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

class GridWriter {
  readonly strings: string[] = [];

  constructor(readonly form: GridForm) {}

  cell(value: CellValue, row: number, column: number, implied: boolean): string {
    const ref =
      this.form.refs === 'all' || (this.form.refs === 'implied' && !implied)
        ? ` r="${columnName(column)}${row + 1}"`
        : '';
    const f = (formula: string) => (this.form.formulas ? `<f>${escapeXml(formula)}</f>` : '');
    if (value === null) return `<c${ref}/>`;
    if (typeof value === 'string') return this.stringCell(value, ref, f);
    if (typeof value === 'number') return `<c${ref}>${f('1+0')}<v>${value}</v></c>`;
    if (typeof value === 'boolean') return `<c${ref} t="b">${f('TRUE()')}<v>${value ? 1 : 0}</v></c>`;
    if (value.kind === 'error') return `<c${ref} t="e">${f('NA()')}<v>${escapeXml(value.code)}</v></c>`;
    if (this.form.dates === 'iso') return `<c${ref} t="d">${f('TODAY()')}<v>${value.iso}</v></c>`;
    // A time of day on top of the date: the reader must drop it.
    const serial = serialOf(value.iso, this.form.date1904) + ((row * 7 + column) % 10) / 10;
    return `<c${ref} s="1">${f('TODAY()')}<v>${serial}</v></c>`;
  }

  private stringCell(value: string, ref: string, f: (formula: string) => string): string {
    if (this.form.formulas)
      return `<c${ref} t="str">${f('"text"')}<v xml:space="preserve">${ooxmlText(value)}</v></c>`;
    if (this.form.strings === 'inline') return `<c${ref} t="inlineStr"><is>${tElement(value)}</is></c>`;
    this.strings.push(this.form.strings === 'rich' ? richItem(value) : tElement(value));
    return `<c${ref} t="s"><v>${this.strings.length - 1}</v></c>`;
  }
}

/** Two rich-text runs and a phonetic run that is not part of the text. */
function richItem(value: string): string {
  const cut = Math.floor(value.length / 2);
  const [head, tail] = [value.slice(0, cut), value.slice(cut)];
  return `<r>${tElement(head)}</r><r><rPr><b/></rPr>${tElement(tail)}</r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>`;
}

/** A sheet of the given (possibly sparse) cells in the given form, as .xlsx bytes. */
export function gridXlsx(
  name: string,
  cells: readonly { row: number; column: number; value: CellValue }[],
  form: GridForm,
): Uint8Array {
  const writer = new GridWriter(form);
  const byRow = new Map<number, { column: number; value: CellValue }[]>();
  for (const cell of cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  const rowIndexes = [...byRow.keys()].sort((a, b) => a - b);
  let xml = '';
  let nextRow = 0;
  for (const row of rowIndexes) {
    // Without refs, positions are implied: write the empty rows and cells in between.
    if (form.refs === 'none') for (; nextRow < row; nextRow++) xml += '<row/>';
    const ref = form.refs === 'all' || (form.refs === 'implied' && row !== nextRow) ? ` r="${row + 1}"` : '';
    let nextColumn = 0;
    xml += `<row${ref}>`;
    for (const cell of byRow.get(row)!.sort((a, b) => a.column - b.column)) {
      if (form.refs === 'none') for (; nextColumn < cell.column; nextColumn++) xml += '<c/>';
      xml += writer.cell(cell.value, row, cell.column, cell.column === nextColumn);
      nextColumn = cell.column + 1;
    }
    xml += '</row>';
    nextRow = row + 1;
  }
  return buildXlsx({
    sheets: [{ name, sheetData: xml }],
    date1904: form.date1904 ? 'true' : undefined,
    sharedStrings: form.strings === 'inline' && !form.formulas ? undefined : writer.strings,
    cellXfs: [0, 14],
    prefix: form.prefix ? 'x' : undefined,
    strict: form.strict,
  });
}
