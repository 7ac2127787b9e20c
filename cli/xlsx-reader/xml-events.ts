// Streams one XML part through saxes (namespace-aware) and hands its events to a visitor: the
// small parts (workbook, relationships, styles). Worksheets and shared strings, the big ones, go
// through the byte scanners (sheet-scanner.ts, shared-strings.ts).
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { decodeXmlPart } from './xml-encoding.ts';
import { XlsxFormatError } from './xlsx-format-error.ts';

export type XmlTag = SaxesTagNS;

/** SpreadsheetML, transitional (what nearly every writer uses) and strict ISO 29500. */
const SPREADSHEET_ML = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  // Some hand-rolled writers leave the namespace out altogether; their elements still mean the same.
  '',
]);

/** Office document relationships (`r:id`), transitional and strict. */
const RELATIONSHIPS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

/**
 * True for an element of SpreadsheetML, whatever prefix it is written with (`<x:c>` from the Open
 * XML SDK is `<c>`): matching on the namespace URI, not the name, is what makes prefixes free.
 */
export function isSpreadsheetMl(tag: { readonly uri: string }): boolean {
  // Nearly every element of a part has the same namespace, and the scanner hands out the very
  // string its declaration gave: remember the last answer rather than look the URI up again.
  const uri = tag.uri;
  if (uri === lastUri) return lastAnswer;
  lastUri = uri;
  lastAnswer = SPREADSHEET_ML.has(uri);
  return lastAnswer;
}

let lastUri = '';
let lastAnswer = true;

/** An unprefixed attribute's value (`r`, `t`, `s`: SpreadsheetML attributes carry no namespace). */
export function attribute(tag: XmlTag, name: string): string | undefined {
  return tag.attributes[name]?.value;
}

/** The `r:id` of an element, whatever prefix the writer bound the relationships namespace to. */
export function relationshipId(tag: XmlTag): string | undefined {
  for (const key in tag.attributes) {
    const attr = tag.attributes[key]!;
    if (attr.local === 'id' && RELATIONSHIPS.has(attr.uri)) return attr.value;
  }
  return undefined;
}

export interface XmlVisitor {
  open?(tag: XmlTag): void;
  close?(tag: XmlTag): void;
  /** Character data, entities decoded; CDATA sections arrive here too. */
  text?(text: string): void;
}

/** Parses `bytes` as the zip entry `part`; a malformed part is an XlsxFormatError naming it. */
export function parseXmlPart(part: string, bytes: Uint8Array, visitor: XmlVisitor): void {
  const parser = new SaxesParser({ xmlns: true });
  if (visitor.open) parser.on('opentag', visitor.open);
  if (visitor.close) parser.on('closetag', visitor.close);
  if (visitor.text) {
    parser.on('text', visitor.text);
    parser.on('cdata', visitor.text);
  }
  const text = decodeXmlPart(part, bytes);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XlsxFormatError) throw error;
    throw new XlsxFormatError(`the part ${part} is not well-formed XML (${(error as Error).message}).`, {
      part,
      cause: error,
    });
  }
}
