/**
 * Register rows wrap their texts: Excel fits them itself (one autofitRows for the sheet), where
 * a height per row would queue one call per risk. Rows without wrapped text keep the layout's
 * heights.
 */
import { describe, expect, it } from 'vitest';
import type { SheetGrid, SheetPlan } from '../../core/index.ts';
import { DEFAULT_JOB_SETTINGS, fixedRowHeights, generate } from '../../core/index.ts';
import { sheetPlanCalls } from '../../excel-addin/render-plan.ts';
import { syntheticRegister } from '../../scripts/synthetic-register.ts';
import { openOfficePort } from '../contract/ports/office-port.ts';

/** A register whose descriptions differ in length from risk to risk, so rows differ in height. */
function register(risks: number): SheetGrid[] {
  const { risks: riskRows, assessments } = syntheticRegister(risks, 4);
  const description = riskRows[0]!.indexOf('Description');
  return [
    {
      name: 'Risks',
      rows: riskRows.map((row, r) =>
        r === 0 ? row : row.map((cell, c) => (c === description ? 'word '.repeat(1 + ((r * 7) % 90)) : cell)),
      ),
    },
    { name: 'Assessments', rows: assessments },
  ];
}

async function generated(risks: number) {
  const opened = await openOfficePort(register(risks));
  const result = await generate(opened.port, DEFAULT_JOB_SETTINGS);
  const plans = result.plans ?? [];
  const plan = (prefix: string): SheetPlan => plans.find((p) => p.name.startsWith(prefix))!;
  return { opened, plan };
}

describe('Excel row heights', () => {
  it('leaves the register rows to Excel to fit, and sets the heights of rows that do not wrap', async () => {
    const { opened, plan } = await generated(40);
    const register = plan('Register');
    const estimated = Object.keys(register.rowHeights ?? {}).map(Number);
    expect(new Set(Object.values(register.rowHeights ?? {})).size).toBeGreaterThan(3);
    const sheet = opened.fake.state.sheets.find((s) => s.name === register.name)!;
    const fixed = new Map(fixedRowHeights(register));
    for (const row of estimated) {
      if (fixed.has(row)) expect(sheet.rowHeights.get(row)).toBe(fixed.get(row));
      else
        expect({ row, fitted: sheet.fittedRows.has(row), height: sheet.rowHeights.get(row) }).toEqual({
          row,
          fitted: true,
          height: undefined,
        });
    }
    expect(estimated.filter((row) => !fixed.has(row)).length).toBeGreaterThanOrEqual(40);
  });

  it('queue as many calls for the register of 1,000 risks as for 10', async () => {
    const small = (await generated(10)).plan('Register');
    const large = (await generated(1000)).plan('Register');
    expect(sheetPlanCalls(large).length).toBe(sheetPlanCalls(small).length);
  });
});
