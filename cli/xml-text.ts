// Escaping text for XML and reading it back: what the .xlsx reader's scanner and the writer's
// defined-name patch (functions.ts) share.

/** Text that is not well-formed XML; the reader turns it into an XlsxFormatError naming the part. */
export class MalformedXml extends Error {}

const NEEDS_ESCAPE = /[&<>"]/;

/** Text for an XML attribute value or element: `&`, `<`, `>` and `"` as entities. */
export function escapeXml(text: string): string {
  // Most text has nothing to escape: one test instead of four replacements.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** True for a character XML 1.0 allows (a character reference may not name any other). */
function isXmlChar(code: number): boolean {
  return (
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function entity(name: string): string {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120; /* x */
    const digits = name.slice(hex ? 2 : 1);
    const code =
      digits !== '' && (hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)
        ? parseInt(digits, hex ? 16 : 10)
        : NaN;
    if (isXmlChar(code)) return String.fromCodePoint(code);
    throw new MalformedXml(`the character reference &${name}; is not an XML character`);
  }
  throw new MalformedXml(`the entity &${name}; is not defined`);
}

/**
 * XML text with its entities and character references decoded; a reference XML does not define
 * is MalformedXml. Line ends are not normalised here (the scanner does that first).
 * @example unescapeXml('R&amp;D &#x2191;') // 'R&D ↑'
 */
export function unescapeXml(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) throw new MalformedXml('an & that starts no entity');
    out += raw.slice(from, amp) + entity(raw.slice(amp + 1, semi));
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}
