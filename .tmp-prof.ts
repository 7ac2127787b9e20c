import { APRIL_FISCAL_YEAR, DEFAULT_MATRIX, buildRegister, quarterlyReportPlans, readRegisterSheets } from './core/index.ts';
import { syntheticRegister } from './scripts/synthetic-register.ts';
const data = syntheticRegister(10000, 12);
const options = { matrix: DEFAULT_MATRIX, calendar: APRIL_FISCAL_YEAR };
for (let i = 0; i < 4; i++) {
  const t0 = performance.now();
  const read = readRegisterSheets({ risks: { name: 'Risks', rows: data.risks }, assessments: { name: 'Assessments', rows: data.assessments } }, options);
  const t1 = performance.now();
  const model = buildRegister({ ...read, ...options, quarter: { fiscalYear: 2022, quarter: 2 }, quarterCount: 4 });
  const t2 = performance.now();
  quarterlyReportPlans(model, { ...options, title: 'Bench' });
  const t3 = performance.now();
  console.log(`read ${(t1 - t0).toFixed(0)} build ${(t2 - t1).toFixed(0)} layout ${(t3 - t2).toFixed(0)}`);
}
