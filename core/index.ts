/**
 * The core's public surface: what every host bundles. Hosts import from here, so the bundle size
 * that `npm run build` reports is the cost each host pays.
 */
export * from './cell.ts';
export * from './issue.ts';
export * from './matrix.ts';
export * from './default-matrix.ts';
export * from './quarter.ts';
export * from './dates.ts';
export * from './trend.ts';
export * from './functions.ts';
export * from './lambda.ts';
export * from './headers.ts';
export * from './read-register.ts';
export * from './scoring-sheet.ts';
export * from './register-model.ts';
export * from './register-json.ts';
export * from './quarterly-report.ts';
export * from './register-job.ts';
export * from './workbook-port.ts';
export * from './sheet-plan.ts';
export * from './layout/report-plans.ts';
export * from './layout/data-sheets.ts';
export * from './layout/scoring-data-sheet.ts';
