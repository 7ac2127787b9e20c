// The report's fixed parts around its sheets: content types, relationships, the workbook part
// (sheets, print titles, LAMBDA names, calculate on load) and the document properties.
import { withDefinedNames, type DefinedName } from '../functions.ts';
import { escapeXml } from '../xml-text.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOCUMENT_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** What the workbook part needs to know of a written sheet. */
export interface WrittenSheet {
  readonly name: string;
  /** Rows 1..repeatRows print at the top of every page. */
  readonly repeatRows: number;
}

export const sheetPath = (index: number) => `xl/worksheets/sheet${index + 1}.xml`;

export function contentTypesXml(sheets: number): string {
  const overrides = [
    [`/xl/workbook.xml`, `${SHEET_TYPE}.sheet.main+xml`],
    ...Array.from({ length: sheets }, (_, i) => [`/${sheetPath(i)}`, `${SHEET_TYPE}.worksheet+xml`]),
    ['/xl/styles.xml', `${SHEET_TYPE}.styles+xml`],
    ['/xl/sharedStrings.xml', `${SHEET_TYPE}.sharedStrings+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

export function packageRelationshipsXml(): string {
  return relationshipsXml([
    [`${DOCUMENT_RELATIONSHIP}/officeDocument`, 'xl/workbook.xml'],
    [
      'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      'docProps/core.xml',
    ],
    [`${DOCUMENT_RELATIONSHIP}/extended-properties`, 'docProps/app.xml'],
  ]);
}

/** rId1 styles, rId2 shared strings, rId3… the sheets in order. */
export function workbookRelationshipsXml(sheets: number): string {
  return relationshipsXml([
    [`${DOCUMENT_RELATIONSHIP}/styles`, 'styles.xml'],
    [`${DOCUMENT_RELATIONSHIP}/sharedStrings`, 'sharedStrings.xml'],
    ...Array.from({ length: sheets }, (_, i): [string, string] => [
      `${DOCUMENT_RELATIONSHIP}/worksheet`,
      sheetPath(i).slice('xl/'.length),
    ]),
  ]);
}

function relationshipsXml(targets: readonly (readonly [type: string, target: string])[]): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${RELATIONSHIPS}">` +
    targets
      .map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`)
      .join('') +
    '</Relationships>'
  );
}

/**
 * xl/workbook.xml: the sheets, their print titles and the workbook-scoped `names`, and a full
 * calculation on load (formulas are written without cached results).
 */
export function workbookXml(sheets: readonly WrittenSheet[], names: readonly DefinedName[]): string {
  const printTitles = sheets
    .map((sheet, i) =>
      sheet.repeatRows > 0
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(
            `'${sheet.name.replace(/'/g, "''")}'!$1:$${sheet.repeatRows}`,
          )}</definedName>`
        : '',
    )
    .join('');
  const xml =
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOCUMENT_RELATIONSHIP}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews>' +
    `<sheets>${sheets
      .map(
        (sheet, i) =>
          `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" state="visible" r:id="rId${i + 3}"/>`,
      )
      .join('')}</sheets>` +
    (printTitles ? `<definedNames>${printTitles}</definedNames>` : '') +
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>';
  return names.length > 0 ? withDefinedNames(xml, names) : xml;
}

/** docProps/core.xml: who made the file and when (to the second, as Excel writes it). */
export function corePropertiesXml(now: Date): string {
  const when = `${now.toISOString().slice(0, 19)}Z`;
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<dc:creator>risk-register</dc:creator><cp:lastModifiedBy>risk-register</cp:lastModifiedBy>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

export function appPropertiesXml(): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    '<Application>risk-register</Application></Properties>'
  );
}
