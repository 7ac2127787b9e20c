// Adds workbook-level defined names (LAMBDA functions) to a written .xlsx, which exceljs cannot do.
import type JSZipType from 'jszip';
import { formulaBody } from '../core/index.ts';
import { escapeXml, unescapeXml } from './xml-text.ts';

/** jszip, loaded by the functions that open a whole file: the streaming writer needs only withDefinedNames. */
async function loadZip(xlsx: Buffer | Uint8Array): Promise<JSZipType> {
  const { default: JSZip } = await import('jszip');
  return JSZip.loadAsync(xlsx);
}

export interface DefinedName {
  readonly name: string;
  /** File form, without `=`: `_xlfn.LAMBDA(_xlpm.impact,_xlpm.probability,_xlpm.impact*_xlpm.probability)`. */
  readonly formula: string;
}

const WORKBOOK_PART = 'xl/workbook.xml';

/**
 * Children of `<workbook>` that the schema (CT_Workbook) puts after `<definedNames>`;
 * a new `<definedNames>` goes before the first of them that is present.
 */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Excel's rule for a name: starts with a letter, `_` or `\`, then letters, digits, `_` and `.`. */
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
/** ...and it may not read as a cell reference (A1 style up to XFD, or R1C1 style). */
const CELL_LIKE = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/;

function checkName(name: string): void {
  if (name.length > 255 || !NAME.test(name) || CELL_LIKE.test(name)) {
    throw new RangeError(`${JSON.stringify(name)} is not a valid workbook name.`);
  }
}

/** `<definedName ...>text</definedName>` or `<definedName .../>`, with its attributes. */
const DEFINED_NAME = /<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g;
const DEFINED_NAMES_BLOCK = /<definedNames\b[^>]*?(?:\/>|>([\s\S]*?)<\/definedNames>)/;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? unescapeXml(match[1] ?? match[2] ?? '') : undefined;
}

/**
 * Returns a copy of the .xlsx with workbook-scoped `names` added to `xl/workbook.xml`, replacing
 * workbook-scoped names of the same name (names are case-insensitive). Other entries, such as
 * print titles, stay. Never load the result into exceljs and save it again: exceljs drops them.
 */
export async function addDefinedNames(
  xlsx: Buffer | Uint8Array,
  names: readonly DefinedName[],
): Promise<Buffer> {
  const zip = await loadZip(xlsx);
  const part = zip.file(WORKBOOK_PART);
  if (!part) throw new Error(`Not an .xlsx workbook: ${WORKBOOK_PART} is missing.`);
  const xml = await part.async('string');

  zip.file(WORKBOOK_PART, withDefinedNames(xml, names));
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/**
 * The text of a workbook part (xl/workbook.xml) with workbook-scoped `names` added, replacing
 * workbook-scoped names of the same name; what addDefinedNames does to the part inside a file,
 * and what the streaming report writer does to the part as it goes into the zip.
 */
export function withDefinedNames(xml: string, names: readonly DefinedName[]): string {
  const seen = new Set<string>();
  for (const { name } of names) {
    checkName(name);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new RangeError(`The name ${name} is given twice.`);
    seen.add(key);
  }
  const added = names
    .map(
      ({ name, formula }) =>
        `<definedName name="${escapeXml(name)}">${escapeXml(formulaBody(formula))}</definedName>`,
    )
    .join('');

  const block = DEFINED_NAMES_BLOCK.exec(xml);
  if (block) {
    const kept = (block[1] ?? '').replace(DEFINED_NAME, (entry, attrs: string) => {
      const existing = attribute(attrs, 'name');
      const global = attribute(attrs, 'localSheetId') === undefined;
      return global && existing !== undefined && seen.has(existing.toLowerCase()) ? '' : entry;
    });
    return `${xml.slice(0, block.index)}<definedNames>${kept}${added}</definedNames>${xml.slice(block.index + block[0].length)}`;
  }
  return insertBlock(xml, `<definedNames>${added}</definedNames>`);
}

function insertBlock(xml: string, block: string): string {
  for (const tag of AFTER_DEFINED_NAMES) {
    const at = new RegExp(`<${tag}[\\s/>]`).exec(xml);
    if (at) return xml.slice(0, at.index) + block + xml.slice(at.index);
  }
  const end = xml.lastIndexOf('</workbook>');
  if (end < 0 || !/<\/sheets>|<sheets\b/.test(xml))
    throw new Error(`${WORKBOOK_PART} has no <workbook> with <sheets>.`);
  return xml.slice(0, end) + block + xml.slice(end);
}

/**
 * The defined names in an .xlsx, name → formula text as stored (XML unescaped). A sheet-scoped
 * name is keyed `name@localSheetId` (e.g. `_xlnm.Print_Titles@0`) so it cannot hide a global one.
 */
export async function readDefinedNames(xlsx: Buffer | Uint8Array): Promise<Record<string, string>> {
  const zip = await loadZip(xlsx);
  const part = zip.file(WORKBOOK_PART);
  if (!part) throw new Error(`Not an .xlsx workbook: ${WORKBOOK_PART} is missing.`);
  const xml = await part.async('string');
  const block = DEFINED_NAMES_BLOCK.exec(xml);
  const names: Record<string, string> = {};
  for (const match of (block?.[1] ?? '').matchAll(DEFINED_NAME)) {
    const attrs = match[1] ?? '';
    const name = attribute(attrs, 'name');
    if (name === undefined) continue;
    const sheet = attribute(attrs, 'localSheetId');
    names[sheet === undefined ? name : `${name}@${sheet}`] = unescapeXml(match[2] ?? '');
  }
  return names;
}
