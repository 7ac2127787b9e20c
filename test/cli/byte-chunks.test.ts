/**
 * The report writer's byte chunks: whatever is written (markup, numbers, text of any length and
 * any characters), the chunks handed on are its bytes in order, and a chunk is handed on only
 * when full or at the end.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ByteChunks } from '../../cli/xlsx-writer/byte-chunks.ts';
import { FC_SEED } from '../support/fc-seed.ts';

type Write =
  | { readonly kind: 'ascii'; readonly text: string }
  | { readonly kind: 'utf8'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number };

const asciiText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});
const anyText = fc.string({ unit: fc.constantFrom('a', 'é', '£', '–', '東', '😀', '<', '&', '\n') });
const write: fc.Arbitrary<Write> = fc.oneof(
  asciiText.map((text) => ({ kind: 'ascii' as const, text })),
  // Now and then longer than a chunk can hold, in ASCII and in three- and four-byte characters.
  fc
    .oneof(asciiText, fc.constantFrom('x'.repeat(70_000), '東'.repeat(40_000), '😀'.repeat(20_000)))
    .map((text) => ({ kind: 'ascii' as const, text })),
  anyText.map((text) => ({ kind: 'utf8' as const, text })),
  fc.constantFrom('東'.repeat(33_000), 'é'.repeat(70_000)).map((text) => ({ kind: 'utf8' as const, text })),
  fc
    .oneof(fc.nat(), fc.integer({ min: -1e6, max: -1 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .map((value) => ({ kind: 'number' as const, value })),
);

function expected(writes: readonly Write[]): Buffer {
  return Buffer.concat(
    writes.map((w) =>
      w.kind === 'number'
        ? Buffer.from(String(w.value), 'latin1')
        : Buffer.from(w.text, w.kind === 'ascii' ? 'latin1' : 'utf8'),
    ),
  );
}

describe('ByteChunks', () => {
  test.prop([fc.array(write, { maxLength: 60 })], { ...FC_SEED, numRuns: 60 })(
    'hands on exactly the bytes written, in order, a chunk at a time once full',
    (writes) => {
      const out = new ByteChunks();
      const chunks: Buffer[] = [];
      for (const w of writes) {
        if (w.kind === 'number') out.number(w.value);
        else if (w.kind === 'ascii') out.ascii(w.text.replace(/[^\x20-\x7e]/g, '?'));
        else out.utf8(w.text);
        if (out.full) chunks.push(out.take()!);
      }
      const last = out.take();
      if (last) chunks.push(last);
      const asWritten = writes.map((w) =>
        w.kind === 'ascii' ? { ...w, text: w.text.replace(/[^\x20-\x7e]/g, '?') } : w,
      );
      expect(Buffer.concat(chunks).equals(expected(asWritten))).toBe(true);
      // Every chunk but the last was handed on because it was full.
      for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(32 * 1024);
    },
  );

  it('writes whole numbers digit by digit and the rest as JavaScript writes them', () => {
    const out = new ByteChunks();
    for (const n of [0, 7, 10, 99, 100, 1_048_576, 2 ** 53 - 1, -3, 2.5, 1e21, 1e-7]) {
      out.number(n);
      out.ascii(' ');
    }
    expect(out.take()!.toString('latin1')).toBe('0 7 10 99 100 1048576 9007199254740991 -3 2.5 1e+21 1e-7 ');
  });

  it('takes nothing when nothing was written, and starts afresh after a take', () => {
    const out = new ByteChunks();
    expect(out.empty).toBe(true);
    expect(out.take()).toBeUndefined();
    out.ascii('<row/>');
    const first = out.take()!;
    out.ascii('<c/>');
    expect(first.toString()).toBe('<row/>'); // a chunk handed on is never written over
    expect(out.take()!.toString()).toBe('<c/>');
  });
});
