// A raw DEFLATE (RFC 1951) decoder in plain JavaScript, to unpack the packed code of Code.js:
// Apps Script's own Utilities.ungzip is a slow service call and may be missing in test hosts.
// Puff-style: a canonical Huffman code is its symbols in code order plus how many codes are at
// most n bits long, and is decoded a bit at a time.

/** A canonical Huffman code: `ends[n - 1]` symbols have codes of at most n bits, in `symbols`. */
type Huffman = [ends: number[], symbols: number[]];

/** The order in which a dynamic block sends the lengths of its code-length code. */
const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** For codes no symbol has, symbols no code may have, and code lengths no code can have. */
const INVALID = 'invalid Huffman code';

function fail(what: string): never {
  throw Error('inflate: ' + what);
}

/** The code in which symbol s has a code of `lengths[s]` bits (0 or none: no code). */
function huffman(lengths: number[]): Huffman {
  const ends: number[] = [];
  const symbols: number[] = [];
  for (let length = 1; length < 16; length++) {
    lengths.forEach((bits, symbol) => {
      if (bits === length) symbols.push(symbol);
    });
    ends.push(symbols.length);
  }
  return [ends, symbols];
}

/**
 * The bytes a raw DEFLATE stream stands for, as one char (code 0..255) a byte. Input bytes may
 * be unsigned or signed (Java's bytes, as Utilities gives them).
 * @example inflateRaw([75, 4, 0]) // 'a'
 */
export function inflateRaw(data: ArrayLike<number>): string {
  const input = Uint8Array.from(data); // also masks signed bytes to 0..255
  const out: number[] = [];
  let position = 0; // in bits, least significant bit of each byte first

  const bits = (count: number): number => {
    if (position + count > input.length * 8) fail('unexpected end of data');
    let value = 0;
    for (let i = 0; i < count; i++, position++) value |= ((input[position >> 3]! >> (position & 7)) & 1) << i;
    return value;
  };

  const decode = ([ends, symbols]: Huffman): number => {
    // Huffman codes come most significant bit first, and the codes of one length are consecutive
    // numbers. `at` is where in `symbols` the bits read so far would be, as a code of this length.
    let at = 0;
    for (const end of ends) {
      at += bits(1);
      if (at < end) return symbols[at]!;
      at = 2 * at - end; // past this length's codes: read on into the longer ones
    }
    return fail(INVALID);
  };

  // Length and distance codes come in runs of `run` codes (4 for lengths, 2 for distances):
  // after a first run without extra bits, each run doubles the base and has one extra bit more.
  const extend = (symbol: number, run: number, least: number): number => {
    if (symbol < run) return symbol + least;
    const extra = ((symbol / run) | 0) - 1;
    return ((run + (symbol % run)) << extra) + least + bits(extra);
  };

  // A Huffman-coded block: `lengths` are the code lengths of its literal/length symbols, then of
  // its distance symbols from `literalCount` on.
  const inflateBlock = (lengths: number[], literalCount: number): void => {
    const literals = huffman(lengths.slice(0, literalCount));
    const distances = huffman(lengths.slice(literalCount));
    for (let symbol; (symbol = decode(literals)) !== 256;) {
      if (symbol < 256) {
        out.push(symbol);
        continue;
      }
      symbol -= 257;
      const length = symbol === 28 ? 258 : extend(symbol, 4, 3); // code 285 is 258 exactly
      const code = decode(distances);
      if (symbol > 28 || code > 29) fail(INVALID); // 286, 287, 30 and 31 of the fixed codes
      const distance = extend(code, 2, 1);
      if (distance > out.length) fail('distance too far back');
      // Byte by byte: a copy may overlap the bytes it is writing (distance < length).
      for (let i = 0; i < length; i++) out.push(out[out.length - distance]!);
    }
  };

  for (let final = 0; !final;) {
    final = bits(1);
    const type = bits(2);
    if (!type) {
      // Stored: from the next byte boundary, LEN, its complement NLEN, then LEN bytes as they are.
      position = (position + 7) & ~7;
      const length = bits(16);
      if (length !== (bits(16) ^ 0xffff)) fail('stored block length mismatch');
      for (let i = 0; i < length; i++) out.push(bits(8));
    } else if (type === 1) {
      // Fixed codes (RFC 1951 3.2.6): literal/length codes of 8, 9, 7, 8 bits, distances of 5.
      inflateBlock(
        Array.from({ length: 320 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : s < 288 ? 8 : 5)),
        288,
      );
    } else if (type === 2) {
      // Dynamic codes: their lengths, coded with a code-length code whose own lengths come first.
      const literalCount = bits(5) + 257;
      const total = literalCount + bits(5) + 1;
      const lengthLengths: number[] = [];
      for (let i = bits(4) + 4, j = 0; j < i; j++) lengthLengths[ORDER[j]!] = bits(3);
      const lengthCode = huffman(lengthLengths);
      // 0..15 are lengths; 16 repeats the last length 3..6 times, 17 and 18 repeat zero 3..10
      // and 11..138 times.
      const lengths: number[] = [];
      while (lengths.length < total) {
        const symbol = decode(lengthCode);
        if (symbol < 16) {
          lengths.push(symbol);
          continue;
        }
        const repeated = symbol === 16 ? lengths[lengths.length - 1] : 0;
        let times = symbol === 18 ? 11 + bits(7) : 3 + bits(symbol - 14);
        if (repeated === undefined || lengths.length + times > total) fail(INVALID);
        while (times--) lengths.push(repeated);
      }
      inflateBlock(lengths, literalCount);
    } else fail('invalid block type 3');
  }

  // fromCharCode takes the bytes as arguments: a slice at a time keeps under the argument limit.
  let text = '';
  for (let i = 0; i < out.length;) text += String.fromCharCode(...out.slice(i, (i += 8192)));
  return text;
}
