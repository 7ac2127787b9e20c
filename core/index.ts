/**
 * The core's public surface: what every host bundles. Hosts import from here, so the bundle size
 * that `npm run build` reports is the cost each host pays.
 */
export * from './cells/cell.ts';
export * from './issues/issue.ts';
export * from './matrix/matrix.ts';
export * from './matrix/default-matrix.ts';
export * from './quarters/quarter.ts';
export * from './dates/dates.ts';
export * from './register/trend.ts';
export * from './functions/functions.ts';
export * from './functions/lambda.ts';
export * from './readers/headers.ts';
export * from './readers/read-register.ts';
export * from './matrix/scoring-sheet.ts';
export * from './register/register-model.ts';
export * from './register/register-json.ts';
export * from './jobs/analyse-workbook.ts';
export * from './jobs/register-job.ts';
export * from './ports/workbook-port.ts';
export * from './layout/sheet-plan.ts';
export * from './layout/report-plans.ts';
export * from './layout/data-sheets.ts';
export * from './layout/scoring-data-sheet.ts';
