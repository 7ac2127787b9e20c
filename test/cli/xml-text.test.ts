import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MalformedXml, escapeXml, unescapeXml } from '../../cli/xml-text.ts';

describe('XML text', () => {
  test.prop([fc.string({ unit: 'grapheme' })])('reads back what it escapes', (text) => {
    expect(unescapeXml(escapeXml(text))).toBe(text);
    expect(escapeXml(text)).not.toMatch(/[<>"]|&(?!amp;|lt;|gt;|quot;)/);
  });

  it('decodes the predefined entities and character references', () => {
    expect(unescapeXml('R&amp;D &lt;b&gt; &quot;x&quot; &apos;y&apos; &#x2191;&#8595;')).toBe(
      'R&D <b> "x" \'y\' ↑↓',
    );
  });

  it('refuses what XML does not define', () => {
    for (const [text, message] of [
      ['a & b', 'an & that starts no entity'],
      ['&nbsp;', 'the entity &nbsp; is not defined'],
      ['&#0;', 'the character reference &#0; is not an XML character'],
      ['&#xZZ;', 'the character reference &#xZZ; is not an XML character'],
    ] as const) {
      expect(() => unescapeXml(text)).toThrow(new MalformedXml(message));
    }
  });
});
