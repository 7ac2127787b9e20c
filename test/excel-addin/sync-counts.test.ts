/**
 * Round trips of the Office.js port, counted as `context.sync()` calls on the strict fake: they
 * must not grow with the number of risks, and large texts must stay under Excel's 5 MB request
 * and response limits (more syncs allowed, growing with the megabytes).
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../core/index.ts';
import { DEFAULT_JOB_SETTINGS, generate, setUp, validate } from '../../core/index.ts';
import { syntheticRegister } from '../../scripts/synthetic-register.ts';
import { openOfficePort } from '../contract/ports/office-port.ts';

/** Risks whose texts are `length` characters long (name, description, impact, controls). */
function register(risks: number, length: number): SheetGrid[] {
  const { risks: riskRows, assessments } = syntheticRegister(risks, 4);
  const sized = (text: CellValue, seed: number): CellValue =>
    typeof text === 'string' ? `${text} ${'x'.repeat(length)}`.slice(0, length) + String(seed % 10) : text;
  return [
    {
      name: 'Risks',
      rows: riskRows.map((row, r) =>
        r === 0 ? row : row.map((cell, c) => (c >= 1 && c <= 4 ? sized(cell, r) : cell)),
      ),
    },
    {
      name: 'Assessments',
      rows: assessments.map((row, r) => (r === 0 ? row : row.map((cell, c) => (c === 6 ? null : cell)))),
    },
  ];
}

async function syncsOf(sheets: SheetGrid[], job: 'generate' | 'validate' | 'setUp') {
  const opened = await openOfficePort(sheets);
  let written: string[] = [];
  if (job === 'generate') {
    const result = await generate(opened.port, DEFAULT_JOB_SETTINGS);
    written = (result.plans ?? []).map((plan) => plan.name);
    expect(written.length, 'generate wrote its sheets').toBeGreaterThan(0);
  }
  if (job === 'validate') await validate(opened.port, DEFAULT_JOB_SETTINGS);
  if (job === 'setUp') await setUp(opened.port);
  return { syncs: opened.roundTrips(), fake: opened.fake, written };
}

describe('Office.js port: syncs', () => {
  it('Generate for 10 and 5,000 short risks takes the same number of syncs', async () => {
    const small = await syncsOf(register(10, 20), 'generate');
    const large = await syncsOf(register(5_000, 20), 'generate');
    console.log(`generate syncs: 10 risks ${small.syncs}, 5,000 risks ${large.syncs}`);
    expect(large.syncs).toBe(small.syncs);
    expect(small.syncs).toBe(2);
    // Every write sync suspended recalculation until it was sent.
    expect(large.fake.state.suspendedSyncs).toBe(1);
    expect(large.fake.state.sheets.map((sheet) => sheet.name)).toContain(large.written[0]);
  });

  it('Validate and Set up take as many syncs for 5,000 risks as for 10', async () => {
    for (const job of ['validate', 'setUp'] as const) {
      const small = await syncsOf(register(10, 20), job);
      const large = await syncsOf(register(5_000, 20), job);
      console.log(`${job} syncs: 10 risks ${small.syncs}, 5,000 risks ${large.syncs}`);
      expect(large.syncs, job).toBe(small.syncs);
    }
  });

  it('a 1,500-risk register with 1,500-character texts is generated under the 5 MB limits', async () => {
    const { syncs, fake, written } = await syncsOf(register(1_500, 1_500), 'generate');
    console.log(`generate syncs, 1,500 risks × 1,500-character texts: ${syncs}`);
    expect(syncs).toBeGreaterThan(2);
    // Roughly 1,500 × 4 texts × 1.5 KB read and written: a handful of syncs, not one per row.
    expect(syncs).toBeLessThan(20);
    const report = fake.state.sheet(written[0]!)!;
    expect(report.cells.size).toBeGreaterThan(1_500 * 5);
  });
});
