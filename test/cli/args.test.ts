import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../cli/args.ts';

describe('parseCommandLine: number options', () => {
  it.each(['0x4', '1e1', ' 4', '4.0', '+4', ''])(
    'rejects --quarters %j: whole decimal numbers only',
    (text) => {
      expect(() => parseCommandLine(['generate', 'x.xlsx', '--quarters', text])).toThrow(
        `--quarters ${text}: expected a whole number from 1 to 40`,
      );
    },
  );

  it('takes --quarters 10 and --fy-start 01', () => {
    expect(parseCommandLine(['generate', 'x.xlsx', '--quarters', '10', '--fy-start', '01'])).toMatchObject({
      quarters: 10,
      fyStart: 1,
    });
  });
});
