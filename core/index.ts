/**
 * The core's public surface: the only way into core from `cli/`, `apps-script/`, `excel-addin/`
 * and `scripts/` (a lint rule fails a deep import). What a host bundles is what it imports
 * from here, so the bundle sizes `npm run build` reports are the cost each host pays.
 */
export * from './cells/cell.ts';
export * from './cells/number-formats.ts';
export * from './cells/format-code-tokens.ts';
export { cellText } from './cells/cell-text.ts';
export * from './issues/issue.ts';
export * from './issues/messages.ts';
export * from './issues/error-text.ts';
export * from './dates/dates.ts';
export * from './quarters/quarter.ts';
export * from './matrix/matrix.ts';
export * from './matrix/check-matrix.ts';
export * from './matrix/matrix-shape.ts';
export * from './matrix/matrix-lookup.ts';
export * from './matrix/default-matrix.ts';
export * from './matrix/scoring-sheet.ts';
export * from './matrix/scoring-sheet-rows.ts';
export * from './functions/functions.ts';
export * from './functions/function-docs.ts';
export * from './functions/lambda.ts';
export * from './functions/formula-text.ts';
export * from './readers/headers.ts';
export * from './readers/risk.ts';
export * from './readers/risk-id.ts';
export * from './readers/read-register.ts';
export * from './register/trend.ts';
export * from './register/register-model.ts';
export * from './register/register-json.ts';
export * from './layout/sheet-plan.ts';
export * from './layout/report-plans.ts';
export * from './layout/register-sheet.ts';
export * from './layout/data-sheets.ts';
export * from './layout/data-sheet-rules.ts';
export * from './layout/level-formulas.ts';
export * from './layout/scoring-data-sheet.ts';
export * from './layout/validation-issues-sheet.ts';
export * from './layout/validation-list.ts';
export * from './layout/cell-text.ts';
export * from './layout/sheet-name.ts';
export * from './render/validation-text.ts';
export * from './render/page-header-text.ts';
export * from './render/size-runs.ts';
export * from './ports/workbook-port.ts';
export * from './ports/host-ui.ts';
export * from './ports/read-data-sheets.ts';
export * from './matrix/matrix-from-workbook.ts';
export * from './jobs/analyse-workbook.ts';
export * from './jobs/job-settings.ts';
export * from './jobs/validate.ts';
export * from './jobs/generate.ts';
export * from './jobs/set-up.ts';
export * from './jobs/recheck-edit.ts';
