// A hand-written XML scanner for the two big parts of a workbook: worksheets and the shared
// string table. It walks the decoded text with indexOf and charCodeAt and hands elements and text
// to a visitor, as xml-events.ts does with saxes, several times faster.
/*
 * What it does, as an XML parser must for these parts:
 * - namespaces: `xmlns` and `xmlns:p` declarations, scoped to their element, resolve every
 *   element's prefix (`<x:c>` is `c` in SpreadsheetML); an unbound prefix is an error;
 * - attributes in any order, quoted with " or ', entities decoded, white space normalised,
 *   read from the text only when asked for (ScannedTag.attribute);
 * - entities in text and attributes: the five predefined ones and `&#N;` / `&#xH;` character
 *   references; any other (or a bare `&`) is an error;
 * - CDATA sections (as text, undecoded), comments, processing instructions and a DOCTYPE
 *   (skipped), self-closing tags (open then close), line ends normalised to LF;
 * - well-formedness as far as the reader needs it: every tag closes in order, one root, no text
 *   but white space outside it, nothing cut short. Unlike saxes it does not check that every
 *   name and character is one XML allows, nor `]]>` in text, and an attribute's value is
 *   checked only when it is read: such a part is read rather than refused.
 * The `_xHHHH_` escapes and `xml:space` are SpreadsheetML's, not XML's: TextItem and
 * cell-value.ts deal with them.
 */
import { decodeXml } from './xml-events.ts';
import { XlsxFormatError } from './xlsx-format-error.ts';
import { MalformedXml, unescapeXml } from '../xml-text.ts';

/**
 * One element. Its attributes are read from the document text when asked for (most elements of
 * a sheet are `<c>` and `<v>`, and a cell needs three of its attributes), so scanning a tag makes
 * no strings for attribute names and none for values nobody reads.
 */
export class ScannedTag {
  constructor(
    /** The name without its prefix. */
    readonly local: string,
    /** The namespace URI the prefix (or the default namespace) stands for; '' for none. */
    readonly uri: string,
    private readonly xml: string,
    /** Where the tag's attributes start and end in `xml` (after the name, before `>` or `/>`). */
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** The value of the attribute named `name` as written (`r`, `t`, `xml:space`), entities decoded. */
  attribute(name: string): string | undefined {
    const xml = this.xml;
    let i = this.from;
    while (i < this.to) {
      const attribute = nextAttribute(xml, i, this.to);
      if (attribute === undefined) return undefined;
      if (
        attribute.nameEnd - attribute.nameStart === name.length &&
        xml.startsWith(name, attribute.nameStart)
      ) {
        return decodeAttribute(xml.slice(attribute.valueStart, attribute.valueEnd));
      }
      i = attribute.valueEnd + 1;
    }
    return undefined;
  }

  /**
   * Sets `out[name]` for every name of `names`, to the attribute's value or undefined, in one
   * walk over the attributes (what a reader wanting several attributes of every element uses).
   */
  readAttributes<K extends string>(names: readonly K[], out: Record<K, string | undefined>): void {
    for (const name of names) out[name] = undefined;
    const xml = this.xml;
    let i = this.from;
    while (i < this.to) {
      const attribute = nextAttribute(xml, i, this.to);
      if (attribute === undefined) return;
      const length = attribute.nameEnd - attribute.nameStart;
      for (const name of names) {
        if (name.length === length && xml.startsWith(name, attribute.nameStart)) {
          out[name] = decodeAttribute(xml.slice(attribute.valueStart, attribute.valueEnd));
          break;
        }
      }
      i = attribute.valueEnd + 1;
    }
  }
}

interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** One reused span: attributes are walked one at a time and never kept. */
const span: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/**
 * The next attribute at or after `i` (white space skipped) and before `to`, or undefined when
 * there is none; throws on anything that is not `name = "value"` or `name='value'`. Reuses `span`.
 */
function nextAttribute(xml: string, i: number, to: number): AttributeSpan | undefined {
  while (i < to && isSpace(xml.charCodeAt(i))) i++;
  if (i >= to) return undefined;
  const nameStart = i;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === EQUALS || c === GT || c === SLASH || isSpace(c)) break;
  }
  const nameEnd = i;
  if (nameEnd === nameStart)
    throw new MalformedXml('a tag with a stray character where an attribute should be');
  while (i < to && isSpace(xml.charCodeAt(i))) i++;
  if (xml.charCodeAt(i) !== EQUALS)
    throw new MalformedXml(`the attribute ${xml.slice(nameStart, nameEnd)} has no value`);
  i++;
  while (i < to && isSpace(xml.charCodeAt(i))) i++;
  const quote = xml.charCodeAt(i);
  if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE)
    throw new MalformedXml(`the attribute ${xml.slice(nameStart, nameEnd)} is not quoted`);
  const close = xml.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
  if (close < 0) throw new MalformedXml('the document ends inside an attribute value');
  span.nameStart = nameStart;
  span.nameEnd = nameEnd;
  span.valueStart = i + 1;
  span.valueEnd = close;
  return span;
}

export interface ScanVisitor {
  open(tag: ScannedTag): void;
  /** Called with the very object `open` was given (a self-closing tag opens and closes at once). */
  close(tag: ScannedTag): void;
  /** Character data, entities decoded; CDATA sections arrive here too. */
  text(text: string): void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type Bindings = Readonly<Record<string, string>>;
const ROOT_BINDINGS: Bindings = Object.freeze({ '': '', xml: XML_NS });

const GT = 62; // >
const SLASH = 47; // /
const EQUALS = 61; // =
const BANG = 33; // !
const QUESTION = 63; // ?
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** An attribute value: white space characters become spaces (after line-end normalisation), then entities. */
function decodeAttribute(raw: string): string {
  // Values are short (`A1`, `s`, `3`): one pass over the characters says whether any work is due.
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 38 /* & */ || code === 60 /* < */ || code === 9 || code === 10) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  if (raw.indexOf('<') >= 0) throw new MalformedXml('a < inside an attribute value');
  return unescapeXml(raw.replace(/[\t\n]/g, ' '));
}

/**
 * Scans `bytes` as the zip entry `part`, calling the visitor for each element and text; a
 * malformed part is an XlsxFormatError naming it, as with parseXmlPart.
 */
export function scanXmlPart(part: string, bytes: Uint8Array, visitor: ScanVisitor): void {
  let xml = decodeXml(bytes);
  // XML reads CR LF and lone CR as LF before anything else (character references excepted).
  if (xml.indexOf('\r') >= 0) xml = xml.replace(/\r\n?/g, '\n');
  try {
    scan(xml, visitor);
  } catch (error) {
    if (!(error instanceof MalformedXml)) throw error;
    throw new XlsxFormatError(`the part ${part} is not well-formed XML (${error.message}).`, {
      part,
      cause: error,
    });
  }
}

function scan(xml: string, visitor: ScanVisitor): void {
  const names: string[] = [];
  const tags: ScannedTag[] = [];
  const scopes: Bindings[] = [];
  let bindings = ROOT_BINDINGS;
  let sawRoot = false;
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = xml.length;

  while (at < length) {
    const lt = xml.indexOf('<', at);
    const end = lt < 0 ? length : lt;
    if (end > at) {
      if (names.length > 0) visitor.text(unescapeXml(xml.slice(at, end)));
      else if (/\S/.test(xml.slice(at, end))) throw new MalformedXml('text outside the root element');
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);

    if (next === SLASH) {
      const open = names.pop();
      // `</name>` or `</name  >`, compared in place.
      let gt = lt + 2 + (open?.length ?? 0);
      if (open !== undefined && xml.startsWith(open, lt + 2))
        while (gt < length && isSpace(xml.charCodeAt(gt))) gt++;
      if (open === undefined || xml.charCodeAt(gt) !== GT || !xml.startsWith(open, lt + 2)) {
        const close = xml.indexOf('>', lt + 2);
        const name = close < 0 ? xml.slice(lt + 2, lt + 40) : xml.slice(lt + 2, close).trimEnd();
        throw new MalformedXml(
          open === undefined
            ? `</${name}> closes no element`
            : close < 0
              ? 'the document ends inside a closing tag'
              : `</${name}> closes <${open}>`,
        );
      }
      visitor.close(tags.pop()!);
      bindings = scopes.pop()!;
      at = gt + 1;
      continue;
    }

    if (next === BANG) {
      at = skipMarkup(xml, lt, names.length > 0, visitor);
      continue;
    }

    if (next === QUESTION) {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) throw new MalformedXml('the document ends inside a processing instruction');
      at = close + 2;
      continue;
    }

    // An opening tag: its name, then attributes up to `>` or `/>`.
    let i = lt + 1;
    for (; i < length; i++) {
      const code = xml.charCodeAt(i);
      if (code === GT || code === SLASH || isSpace(code)) break;
    }
    const name = xml.slice(lt + 1, i);
    if (name === '') throw new MalformedXml('a < that starts no tag');
    if (names.length === 0 && sawRoot) throw new MalformedXml('a second root element');
    const from = i;
    let declared: Record<string, string> | undefined;
    let selfClosing = false;
    for (;;) {
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      const code = xml.charCodeAt(i);
      if (code === GT) break;
      if (code === SLASH) {
        if (xml.charCodeAt(i + 1) !== GT) throw new MalformedXml(`a / inside the tag <${name}>`);
        selfClosing = true;
        break;
      }
      if (i >= length) throw new MalformedXml(`the document ends inside the tag <${name}>`);
      const attribute = nextAttribute(xml, i, length)!;
      // xmlns="…" or xmlns:p="…": a namespace declaration for this element and its content.
      if (attribute.nameEnd - attribute.nameStart >= 5 && xml.startsWith('xmlns', attribute.nameStart)) {
        const long = attribute.nameEnd - attribute.nameStart > 5;
        if (!long || xml.charCodeAt(attribute.nameStart + 5) === 58) {
          declared ??= {};
          declared[long ? xml.slice(attribute.nameStart + 6, attribute.nameEnd) : ''] = decodeAttribute(
            xml.slice(attribute.valueStart, attribute.valueEnd),
          );
        }
      }
      i = attribute.valueEnd + 1;
    }
    const to = i;
    i += selfClosing ? 2 : 1;

    const scope = bindings;
    if (declared) bindings = { ...bindings, ...declared };
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const uri = bindings[prefix];
    if (uri === undefined)
      throw new MalformedXml(`the prefix ${prefix} of <${name}> is not bound to a namespace`);
    const tag = new ScannedTag(colon < 0 ? name : name.slice(colon + 1), uri, xml, from, to);
    sawRoot = true;
    visitor.open(tag);
    if (selfClosing) {
      visitor.close(tag);
      bindings = scope;
    } else {
      names.push(name);
      tags.push(tag);
      scopes.push(scope);
    }
    at = i;
  }

  if (names.length > 0) throw new MalformedXml(`the document ends inside <${names[names.length - 1]}>`);
  if (!sawRoot) throw new MalformedXml('there is no root element');
}

/** Skips a comment or DOCTYPE, or hands a CDATA section to the visitor; returns where to go on. */
function skipMarkup(xml: string, lt: number, inRoot: boolean, visitor: ScanVisitor): number {
  if (xml.startsWith('<!--', lt)) {
    const close = xml.indexOf('-->', lt + 4);
    if (close < 0) throw new MalformedXml('the document ends inside a comment');
    return close + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    if (!inRoot) throw new MalformedXml('a CDATA section outside the root element');
    const close = xml.indexOf(']]>', lt + 9);
    if (close < 0) throw new MalformedXml('the document ends inside a CDATA section');
    visitor.text(xml.slice(lt + 9, close));
    return close + 3;
  }
  if (xml.startsWith('<!DOCTYPE', lt) && !inRoot) {
    // An internal subset `[...]` may hold `>`: skip past its `]` first.
    const gt = xml.indexOf('>', lt);
    const bracket = xml.indexOf('[', lt);
    const from = bracket >= 0 && bracket < gt ? xml.indexOf(']', bracket) : lt;
    const close = from < 0 ? -1 : xml.indexOf('>', from);
    if (close < 0) throw new MalformedXml('the document ends inside the DOCTYPE');
    return close + 1;
  }
  throw new MalformedXml('a <! that starts no comment, CDATA section or DOCTYPE');
}
