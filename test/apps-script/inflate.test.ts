/**
 * apps-script/inflate.ts against node:zlib and zopfli: whatever they deflate comes back byte for
 * byte, and broken streams throw an `inflate: ` error instead of returning or hanging.
 * fast-check prints the seed of any failure; replay it with
 * FC_SEED=<seed> npx vitest run test/apps-script/inflate.test.ts
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { deflateAsync } from '@gfx/zopfli';
import { inflateRaw } from '../../apps-script/inflate.ts';
import { FC_SEED } from '../support/fc-seed.ts';

const seed = FC_SEED;

const { constants } = zlib;
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const ascii = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));

/** What inflateRaw does with `bytes`: its text, or the message of the Error it threw. */
function attempt(bytes: ArrayLike<number>): { text: string } | { error: string } {
  try {
    return { text: inflateRaw(bytes) };
  } catch (error) {
    // Anything but the decoder's own Error (a TypeError from reading undefined, say) is a bug.
    if (!(error instanceof Error) || error.constructor !== Error) throw error;
    return { error: error.message };
  }
}

function expectInflateError(bytes: ArrayLike<number>, message: string | RegExp = /^inflate: /): void {
  const result = attempt(bytes);
  expect(result).toHaveProperty('error');
  if ('error' in result) {
    expect(result.error).toMatch(/^inflate: /);
    expect(result.error).toMatch(message);
  }
}

const LEVELS = [0, 1, 6, 9];
const STRATEGIES = [
  constants.Z_DEFAULT_STRATEGY,
  constants.Z_FIXED,
  constants.Z_HUFFMAN_ONLY,
  constants.Z_RLE,
  constants.Z_FILTERED,
];
const options = fc.record({
  level: fc.constantFrom(...LEVELS),
  strategy: fc.constantFrom(...STRATEGIES),
  windowBits: fc.constantFrom(9, 12, 15),
  memLevel: fc.constantFrom(1, 8, 9),
});

// Sizes are 'max' throughout: fast-check's default size keeps arrays and strings to 10 or so.

/** JavaScript-like words, so that text repeats at all distances like code does. */
const WORDS = [
  'function',
  'return',
  'const ',
  'let ',
  ' = ',
  '(',
  ')',
  '{\n',
  '}\n',
  ';\n',
  '  ',
  'value',
  'index',
  'length',
  '.push(',
  'if (',
  ' === ',
  'undefined',
  '"inflate: "',
  '0x',
  '=> ',
  '[',
  ']',
  ', ',
];
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)) }),
  },
);
const codeText = (maxLength: number) =>
  fc.array(word, { maxLength, size: 'max' }).map((words) => ascii(words.join('')));

/** Runs of one byte: long matches at distance 1, and lengths up to 258 and beyond. */
const runs = fc
  .array(fc.record({ byte: fc.integer({ min: 0, max: 255 }), count: fc.integer({ min: 1, max: 700 }) }), {
    maxLength: 20,
    size: 'max',
  })
  .map((parts) => Uint8Array.from(parts.flatMap(({ byte, count }) => new Array<number>(count).fill(byte))));

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 0 }),
  fc.uint8Array({ maxLength: 3000, size: 'max' }),
  fc
    .uint8Array({ maxLength: 40, size: 'max' })
    .chain((piece) =>
      fc
        .integer({ min: 1, max: 200 })
        .map((times) =>
          Uint8Array.from({ length: piece.length * times }, (_, i) => piece[i % piece.length]!),
        ),
    ),
  runs,
  codeText(2000),
);

/** About 200 KB: incompressible bytes, or code-like text that repeats beyond the 32 KB window. */
const big = fc.oneof(
  fc.uint8Array({ minLength: 190_000, maxLength: 210_000 }),
  fc
    .array(word, { minLength: 2000, maxLength: 3000 })
    .chain((words) =>
      fc
        .array(fc.nat(words.length - 1), { minLength: 40_000, maxLength: 40_000 })
        .map((picks) => ascii(picks.map((pick) => words[pick]).join(''))),
    ),
);

describe('inflateRaw: what node:zlib deflates comes back', () => {
  test.prop([bytes, options], { ...seed, numRuns: 300 })('random bytes and text', (input, zlibOptions) => {
    expect(inflateRaw(zlib.deflateRawSync(input, zlibOptions))).toBe(latin1(input));
  });

  test.prop(
    [
      fc.string({
        unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
        maxLength: 5000,
        size: 'max',
      }),
      options,
    ],
    {
      ...seed,
      numRuns: 200,
    },
  )('random ASCII text', (text, zlibOptions) => {
    expect(inflateRaw(zlib.deflateRawSync(ascii(text), zlibOptions))).toBe(text);
  });

  // No shrinking (endOnFailure): it would take minutes on inputs this big.
  test.prop([big, options], { ...seed, numRuns: 6, endOnFailure: true })(
    'about 200 KB, in many blocks',
    (input, zlibOptions) => {
      expect(inflateRaw(zlib.deflateRawSync(input, zlibOptions))).toBe(latin1(input));
    },
  );

  test('every level and strategy, with small and big windows', () => {
    const input = ascii(
      readFileSync(new URL('../../apps-script/inflate.ts', import.meta.url), 'latin1').repeat(3),
    );
    for (const level of LEVELS)
      for (const strategy of STRATEGIES)
        for (const windowBits of [9, 15]) {
          const packed = zlib.deflateRawSync(input, { level, strategy, windowBits });
          expect(inflateRaw(packed), `level ${level}, strategy ${strategy}, windowBits ${windowBits}`).toBe(
            latin1(input),
          );
        }
  });

  test('the empty input, stored and Huffman-coded', () => {
    for (const level of LEVELS)
      expect(inflateRaw(zlib.deflateRawSync(new Uint8Array(0), { level }))).toBe('');
    expect(inflateRaw([3, 0])).toBe(''); // a final fixed block holding only end-of-block
  });

  test('every byte value, as Latin-1 chars', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const level of LEVELS) {
      const text = inflateRaw(zlib.deflateRawSync(all, { level }));
      expect([...text].map((c) => c.charCodeAt(0))).toEqual([...all]);
    }
  });
});

describe('inflateRaw: streams of several blocks', () => {
  test.prop(
    [
      fc.array(fc.oneof(codeText(300), fc.uint8Array({ maxLength: 500, size: 'max' })), {
        minLength: 1,
        maxLength: 6,
      }),
      options,
    ],
    {
      ...seed,
      numRuns: 100,
    },
  )(
    'separately deflated parts, each ended by a sync or full flush, read as one stream',
    (parts, zlibOptions) => {
      // A flush ends the blocks so far at a byte boundary without a final block, so the parts of
      // independent compressors concatenate into one stream; only the last one finishes.
      const packed = parts.map((part, i) =>
        zlib.deflateRawSync(part, {
          ...zlibOptions,
          finishFlush:
            i === parts.length - 1
              ? constants.Z_FINISH
              : i % 2
                ? constants.Z_FULL_FLUSH
                : constants.Z_SYNC_FLUSH,
        }),
      );
      expect(inflateRaw(Buffer.concat(packed))).toBe(latin1(Buffer.concat(parts)));
    },
  );

  test.prop([fc.array(codeText(400), { minLength: 2, maxLength: 8 }), fc.constantFrom(...LEVELS)], {
    ...seed,
    numRuns: 30,
  })('one zlib stream flushed between writes, matches reaching back across flushes', async (parts, level) => {
    const deflate = zlib.createDeflateRaw({ level });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
    for (const [i, part] of parts.entries()) {
      deflate.write(part);
      await new Promise<void>((resolve) =>
        deflate.flush(i % 2 ? constants.Z_FULL_FLUSH : constants.Z_SYNC_FLUSH, () => resolve()),
      );
    }
    deflate.end();
    await done;
    const packed = Buffer.concat(chunks);
    expect(inflateRaw(packed)).toBe(latin1(Buffer.concat(parts)));
  });
});

describe('inflateRaw: what zopfli deflates comes back', () => {
  test('a few KB of JavaScript', async () => {
    const source = readFileSync(new URL('../../apps-script/inflate.ts', import.meta.url));
    const text = ascii(source.toString('latin1').replace(/[^\n\x20-\x7e]/g, '?'));
    for (const blocksplitting of [true, false]) {
      const packed = await deflateAsync(text, { numiterations: 5, blocksplitting });
      expect(inflateRaw(packed)).toBe(latin1(text));
    }
  });

  test.prop([fc.oneof(codeText(1500), runs, fc.uint8Array({ maxLength: 2000, size: 'max' }))], {
    ...seed,
    numRuns: 20,
    endOnFailure: true, // shrinking through zopfli takes minutes; the zlib properties shrink
  })('random bytes and text', async (input) => {
    const packed = await deflateAsync(input, { numiterations: 3 });
    expect(inflateRaw(packed)).toBe(latin1(input));
  });
});

/** Bits for hand-made streams: numbers least significant bit first, Huffman codes most first. */
class BitWriter {
  private bits: number[] = [];
  number(value: number, count: number): this {
    for (let i = 0; i < count; i++) this.bits.push((value >> i) & 1);
    return this;
  }
  code(code: number, length: number): this {
    for (let i = length - 1; i >= 0; i--) this.bits.push((code >> i) & 1);
    return this;
  }
  bytes(): number[] {
    const out: number[] = [];
    this.bits.forEach((bit, i) => (out[i >> 3] = (out[i >> 3] ?? 0) | (bit << (i & 7))));
    return out;
  }
}

/** A final fixed-Huffman block: 'a', then a copy of length 3 by `distanceCode` (extra bits 0), then its end. */
function fixedBlock(distanceCode: number, extraBits = 0): number[] {
  return new BitWriter()
    .number(1, 1)
    .number(1, 2)
    .code(0x30 + 97, 8) // literal 'a'
    .code(1, 7) // length 3 (symbol 257)
    .code(distanceCode, 5)
    .number(0, extraBits)
    .code(0, 7) // end of block (symbol 256)
    .bytes();
}

describe('inflateRaw: broken streams throw', () => {
  test('the hand-made streams are right when they are not broken', () => {
    expect(inflateRaw(fixedBlock(0))).toBe('aaaa'); // distance 1
    expect(inflateRaw([1, 3, 0, 0xfc, 0xff, 120, 121, 122])).toBe('xyz'); // stored
  });

  test('no data at all', () => {
    expectInflateError([], 'inflate: unexpected end of data');
  });

  test('block type 3', () => {
    expectInflateError([0b111], 'inflate: invalid block type 3');
    expectInflateError([0b110, 0], 'inflate: invalid block type 3'); // not final
  });

  test('a stored block whose LEN and NLEN disagree', () => {
    expectInflateError([1, 3, 0, 0xfd, 0xff, 120, 121, 122], 'inflate: stored block length mismatch');
    expectInflateError([1, 3, 0, 3, 0, 120, 121, 122], 'inflate: stored block length mismatch');
  });

  test('a stored block shorter than its LEN', () => {
    expectInflateError([1, 3, 0, 0xfc, 0xff, 120, 121], 'inflate: unexpected end of data');
  });

  test('a distance before the start of the output', () => {
    expectInflateError(fixedBlock(1), 'inflate: distance too far back'); // distance 2 after 1 byte
    expectInflateError(fixedBlock(29, 13), 'inflate: distance too far back'); // 24577
  });

  test('the fixed code’s length codes 286, 287 and distance codes 30, 31', () => {
    expectInflateError(fixedBlock(30, 14), /^inflate: invalid/);
    expectInflateError(fixedBlock(31, 14), /^inflate: invalid/);
    // Symbols 280..287 have the 8-bit codes 0xc0..0xc7; then a distance code and end of block.
    for (const symbol of [286, 287]) {
      const bits = new BitWriter()
        .number(1, 1)
        .number(1, 2)
        .code(0xc0 + symbol - 280, 8)
        .code(0, 5)
        .code(0, 7)
        .bytes();
      expectInflateError(bits, /^inflate: invalid/);
    }
  });

  test('a dynamic block that repeats a length before any', () => {
    // Code-length code: symbols 16 and 17 with 1-bit codes (16 is 0); HLIT = 257, HDIST = 1.
    const bits = new BitWriter().number(1, 1).number(2, 2).number(0, 5).number(0, 5).number(0, 4);
    bits.number(1, 3).number(1, 3).number(0, 3).number(0, 3).code(0, 1).number(0, 2);
    expectInflateError([...bits.bytes(), 0, 0, 0], 'inflate: invalid Huffman code');
  });

  test('a code that stands for no symbol', () => {
    // Code-length code: only symbol 18, with the 1-bit code 0; then the unused code 1111...
    const bits = new BitWriter().number(1, 1).number(2, 2).number(0, 5).number(0, 5).number(0, 4);
    bits.number(0, 3).number(0, 3).number(1, 3).number(0, 3).code(0x7fff, 15);
    expectInflateError([...bits.bytes(), 0xff, 0xff], 'inflate: invalid Huffman code');
  });

  test('every truncation of a stream', () => {
    const input = ascii('function inflate(data) { return data.length ? data : "empty"; }\n'.repeat(4));
    for (const [level, strategy] of [
      [0, constants.Z_DEFAULT_STRATEGY],
      [6, constants.Z_FIXED],
      [9, constants.Z_DEFAULT_STRATEGY],
    ] as const) {
      const packed = zlib.deflateRawSync(Buffer.concat([input, Uint8Array.from([0, 200, 255])]), {
        level,
        strategy,
      });
      expect(inflateRaw(packed)).toBe(latin1(input) + '\x00\xc8\xff');
      for (let length = 0; length < packed.length; length++) {
        expectInflateError(packed.subarray(0, length));
      }
    }
  });

  test.prop([fc.oneof(bytes, big).chain((input) => fc.tuple(fc.constant(input), options))], {
    ...seed,
    numRuns: 20,
  })('truncations of random streams', (input) => {
    const [data, zlibOptions] = input;
    const packed = zlib.deflateRawSync(data, zlibOptions);
    for (const cut of [1, 2, 3, Math.ceil(packed.length / 2), packed.length]) {
      if (cut <= packed.length) expectInflateError(packed.subarray(0, packed.length - cut));
    }
  });

  test.prop([fc.uint8Array({ maxLength: 200, size: 'max' })], { ...seed, numRuns: 2000 })(
    'random garbage throws an inflate: Error or gives a string',
    (garbage) => {
      const result = attempt(garbage);
      if ('error' in result) expect(result.error).toMatch(/^inflate: /);
      else expect(typeof result.text).toBe('string');
    },
  );

  test.prop(
    [
      codeText(300),
      options,
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 7 }),
    ],
    { ...seed, numRuns: 1000 },
  )('corrupted streams throw an inflate: Error or give a string', (input, zlibOptions, spots, bit) => {
    const packed = Uint8Array.from(zlib.deflateRawSync(input, zlibOptions));
    for (const spot of spots) packed[spot % packed.length]! ^= 1 << bit;
    const result = attempt(packed);
    if ('error' in result) expect(result.error).toMatch(/^inflate: /);
    else expect(typeof result.text).toBe('string');
  });
});

describe('inflateRaw: signed bytes', () => {
  test.prop([bytes, options], { ...seed, numRuns: 100 })(
    'decode as the unsigned ones',
    (input, zlibOptions) => {
      const packed = zlib.deflateRawSync(input, zlibOptions);
      const signed = Int8Array.from(packed);
      expect(inflateRaw(signed)).toBe(latin1(input));
      expect(inflateRaw(Array.from(signed))).toBe(latin1(input));
    },
  );
});
