/**
 * The "Validation issues" sheet a host shows after Validate: every problem, each cell address a
 * link that jumps to the cell (`HYPERLINK("#'Assessments'!D7", …)` works in Excel, LibreOffice
 * and Google Sheets), errors before warnings as the readers sorted them.
 */
import type { Issue } from '../issues/issue.ts';
import { sheetPlan } from './sheet-plan-defaults.ts';
import type { FormulaValue, SheetPlan } from './sheet-plan.ts';
import { BODY, NOTE, SUBTITLE, TITLE, cell, headerRow } from './styles.ts';
import { formulaString, quotedSheetName } from '../functions/formula-text.ts';

export const VALIDATION_ISSUES_SHEET = 'Validation issues';

const ERROR_FILL = '#F8CBAD';
const WARNING_FILL = '#FFE699';

/**
 * A link to a cell of this workbook, shown as `Assessments!D7`.
 * @example cellLink({ sheet: 'Assessments', cell: 'D7' }).formula // `HYPERLINK("#'Assessments'!D7","Assessments!D7")`
 */
export function cellLink(issue: Pick<Issue, 'sheet' | 'cell'>): FormulaValue {
  const target = `#${quotedSheetName(issue.sheet)}!${issue.cell}`;
  return { formula: `HYPERLINK(${formulaString(target)},${formulaString(`${issue.sheet}!${issue.cell}`)})` };
}

export function validationIssuesSheetPlan(issues: readonly Issue[], headline: string): SheetPlan {
  const rows = issues.map((issue) => {
    const fill = issue.severity === 'error' ? ERROR_FILL : WARNING_FILL;
    return [
      cell(issue.severity === 'error' ? 'Error' : 'Warning', { ...BODY, bold: true, fill }),
      cell(cellLink(issue), { ...BODY, fontColour: '#0563C1' }),
      cell(issue.message, BODY),
    ];
  });
  return sheetPlan({
    name: VALIDATION_ISSUES_SHEET,
    cells: [
      [cell('Validation issues', TITLE)],
      [cell(headline, SUBTITLE)],
      [],
      headerRow(['Severity', 'Cell', 'What to fix']),
      ...rows,
      [],
      [cell('Choose a cell address to go to it. Nothing in the data sheets was changed.', NOTE)],
    ],
    columnWidths: [10, 22, 90],
    frozenRows: 4,
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: 4 },
  });
}
