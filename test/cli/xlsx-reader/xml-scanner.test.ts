/**
 * The hand-written scanner (worksheets, shared strings) against saxes (what the reader used for
 * them before, and still uses for the small parts): the same elements, namespaces, attributes
 * and text for the same XML, and the same parts refused as not well-formed.
 */
import { fc, test } from '@fast-check/vitest';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type CellValue } from '../../../core/index.ts';
import { parseXmlPart } from '../../../cli/xlsx-reader/xml-events.ts';
import { scanXmlPart } from '../../../cli/xlsx-reader/xml-scanner.ts';
import { XlsxFormatError } from '../../../cli/xlsx-reader/index.ts';
import { gridXlsx, type GridForm } from '../../support/xlsx-fixtures.ts';

type Event = readonly [string, ...unknown[]];

const bytes = (xml: string) => new TextEncoder().encode(xml);

/**
 * saxes's events, adjacent texts joined (the scanner gives one text per run between tags) and
 * white space outside the root dropped (the scanner does not report it; no reader wants it).
 */
function saxesEvents(xml: string | Uint8Array, attributes: readonly string[]): Event[] {
  const events: Event[] = [];
  let depth = 0;
  parseXmlPart('p', typeof xml === 'string' ? bytes(xml) : xml, {
    open: (tag) => {
      depth++;
      events.push(['open', tag.local, tag.uri, ...attributes.map((name) => tag.attributes[name]?.value)]);
    },
    close: (tag) => {
      depth--;
      events.push(['close', tag.local]);
    },
    text: (text) => {
      if (depth > 0) pushText(events, text);
    },
  });
  return events;
}

function scannerEvents(xml: string | Uint8Array, attributes: readonly string[]): Event[] {
  const events: Event[] = [];
  const opened: unknown[] = [];
  scanXmlPart('p', typeof xml === 'string' ? bytes(xml) : xml, {
    open: (tag) => {
      opened.push(tag);
      events.push(['open', tag.local, tag.uri, ...attributes.map((name) => tag.attribute(name))]);
    },
    close: (tag) => {
      // Closed with the very object it was opened with, innermost first.
      expect(tag).toBe(opened.pop());
      events.push(['close', tag.local]);
    },
    text: (text) => pushText(events, text),
  });
  return events;
}

function pushText(events: Event[], text: string): void {
  const last = events[events.length - 1];
  if (last?.[0] === 'text') events[events.length - 1] = ['text', `${last[1] as string}${text}`];
  else if (text !== '') events.push(['text', text]);
}

const ATTRIBUTES = ['r', 't', 's', 'a', 'xml:space', 'ref', 'q:r'];

function same(xml: string): Event[] {
  const events = scannerEvents(xml, ATTRIBUTES);
  expect(events).toEqual(saxesEvents(xml, ATTRIBUTES));
  return events;
}

function refused(xml: string): string {
  const scanner = (() => {
    try {
      scanXmlPart('p', bytes(xml), { open() {}, close() {}, text() {} });
    } catch (error) {
      return error;
    }
    return undefined;
  })();
  expect(() => parseXmlPart('p', bytes(xml), {})).toThrow(XlsxFormatError);
  expect(scanner).toBeInstanceOf(XlsxFormatError);
  expect((scanner as XlsxFormatError).reason).toMatch(/^the part p is not well-formed XML \(.+\)\.$/);
  return (scanner as XlsxFormatError).reason;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('the XML scanner reads what saxes reads', () => {
  it('prefixes, default namespaces and redeclarations, scoped to their element', () => {
    const events = same(
      `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:c r="A1"><v xmlns="urn:v">1</v></x:c>` +
        `<c xmlns="${NS}"><x:v xmlns:x="urn:other"/></c><x:c/></x:worksheet>`,
    );
    expect(events.filter((e) => e[0] === 'open').map((e) => `${e[1] as string} ${e[2] as string}`)).toEqual([
      `worksheet ${NS}`,
      `c ${NS}`,
      'v urn:v',
      `c ${NS}`,
      'v urn:other',
      `c ${NS}`,
    ]);
  });

  it('attributes in any order and quoting, with entities, white space and > inside values', () => {
    same(
      `<c t='s'  s = "3" r="A1" a="x &amp; y &lt; &gt; &quot;&apos; &#65;&#x42; tab\tnew\nline" ref='a>b'/>`,
    );
    same(`<c xmlns:q="urn:q" q:r="1" r="2" xml:space="preserve"><t xml:space="preserve">  x  </t></c>`);
  });

  it('entities, character references, CDATA, comments, processing instructions and a DOCTYPE', () => {
    same(
      '<!DOCTYPE x [<!ENTITY e "v">]><!-- c --><x>a &amp;&#x1F600;&#233; b<![CDATA[<not> &amp; a tag]]>c<!-- in --><?pi x?>d</x>',
    );
  });

  it('line ends: CR LF and CR read as LF, in text and attributes; &#13; stays a CR', () => {
    same('<x a="1\r\n2\r3">one\r\ntwo\rthree&#13;four</x>');
  });

  it('self-closing tags open and close; close tags may carry white space; a BOM is skipped', () => {
    same('\uFEFF<row r="1" ><c r="A1"/><c></c ><c\n/></row\n>');
  });

  it('text and rich runs of the reader’s own fixtures, in every form, event for event', () => {
    const forms: GridForm[] = [];
    for (const strings of ['shared', 'inline', 'rich'] as const)
      for (const prefix of [false, true])
        for (const refs of ['all', 'implied', 'none'] as const)
          forms.push({
            strings,
            refs,
            prefix,
            strict: prefix,
            date1904: false,
            dates: 'serial',
            formulas: refs === 'none',
          });
    const values: CellValue[] = [
      '_x000d_ & < > " \' ]]>',
      'é東😀',
      1.5,
      true,
      { kind: 'date', iso: '2022-08-15' },
      { kind: 'error', code: '#N/A' },
    ];
    for (const form of forms) {
      const parts = unzipSync(
        gridXlsx(
          'S',
          values.map((value, i) => ({ row: i * 3, column: i, value })),
          form,
        ),
      );
      for (const name of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
        if (!parts[name]) continue;
        expect(scannerEvents(parts[name], ATTRIBUTES)).toEqual(saxesEvents(parts[name], ATTRIBUTES));
      }
    }
  });

  test.prop(
    [
      fc.string({
        unit: fc.constantFrom(
          'a',
          ' ',
          '&amp;',
          '&lt;',
          '&#x41;',
          '\r\n',
          '\n',
          '\t',
          ']]',
          '>',
          '"',
          "'",
          'é',
          '😀',
        ),
        maxLength: 20,
      }),
    ],
    { numRuns: 200 },
  )('any text and attribute value, escaped as writers escape it', (text) => {
    const attr = text.replace(/"/g, '&quot;');
    const body = text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    same(`<x a="${attr}"><y>${body}</y>${body}<z a='${text.replace(/'/g, '&apos;')}'/></x>`);
  });
});

describe('the XML scanner refuses what is not well-formed, as saxes does', () => {
  it.each([
    ['a part cut short', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>'],
    ['a tag cut short', '<x><c r="A1"'],
    ['an attribute cut short', '<x><c r="A1/></x>'],
    ['tags closed out of order', '<x><a><b></a></b></x>'],
    ['a close with no open', '<x/></y>'],
    ['two roots', '<x/><y/>'],
    ['no root', '<?xml version="1.0"?>'],
    ['text outside the root', 'hello<x/>'],
    ['an unbound prefix', '<q:x/>'],
    ['an undefined entity', '<x>&nbsp;</x>'],
    ['a bare ampersand', '<x>a & b</x>'],
    ['a character reference to a character XML forbids', '<x>&#0;</x>'],
    ['an unquoted attribute', '<x a=1/>'],
    ['an attribute without a value', '<x a/>'],
    ['a < inside an attribute value that is read', '<x r="<"/>'],
    ['an unterminated comment', '<x><!-- </x>'],
    ['an unterminated CDATA section', '<x><![CDATA[ </x>'],
  ])('%s', (_what, xml) => {
    if (xml.includes('r="<"')) {
      // Attributes are checked when read: saxes refuses the part, the scanner the attribute.
      expect(() => parseXmlPart('p', bytes(xml), {})).toThrow(XlsxFormatError);
      expect(() =>
        scanXmlPart('p', bytes(xml), { open: (tag) => tag.attribute('r'), close() {}, text() {} }),
      ).toThrow(/a < inside an attribute value/);
    } else refused(xml);
  });

  it('reads rather than refuses what only a strict parser checks: "]]>" in text, an attribute nobody reads', () => {
    const texts: string[] = [];
    scanXmlPart('p', bytes('<x a="<">a]]>b</x>'), { open() {}, close() {}, text: (t) => texts.push(t) });
    expect(texts).toEqual(['a]]>b']);
  });
});
