/**
 * The data sheets' headers in template order, spelt out rather than taken from core: the tests
 * that pin core's lists, the CLI's new workbook and the example data all check against this one copy.
 */
export const TEMPLATE_RISK_HEADERS: readonly string[] = [
  'ID',
  'Risk name',
  'Description',
  'Impact',
  'Key controls and activities',
  'Owner',
  'Status',
  'Date raised',
  'Date closed',
  'Closure rationale',
  'Closure reported',
];

export const TEMPLATE_ASSESSMENT_HEADERS: readonly string[] = [
  'Risk ID',
  'Quarter',
  'Impact',
  'Probability',
  'Score',
  'Rating',
  'Commentary',
];
