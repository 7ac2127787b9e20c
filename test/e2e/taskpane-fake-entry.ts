/**
 * Runs in the browser after the npm copy of office.js: puts our Office.js fake behind `Excel`,
 * `CustomFunctions` and `Office.actions`, over a small register with mistakes in it, so the task
 * pane has issues to list. The fake is on `window.__officeFake` for the test to inspect.
 */
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../core/index.ts';
import { createOfficeFake } from '../support/office-fake/index.ts';

const fake = createOfficeFake();
fake.loadSheets([
  {
    name: 'Risks',
    rows: [
      [...RISK_HEADERS],
      ['CRR1', 'Cyber attack', 'Systems down', 'Service', 'Backups', 'CIO', 'Open', null, null, null, null],
      ['CRR2', 'Flood', 'HQ flooded', 'Premises', 'Insurance', 'COO', 'Maybe', null, null, null, null],
      ['CRR3', 'Budget gap', 'Overspend', 'Finance', 'Monthly review', 'CFO', 'Open', null, null, null, null],
    ],
  },
  {
    name: 'Assessments',
    rows: [
      [...ASSESSMENT_HEADERS],
      ['CRR1', 'Q1 2022/23', 4, 4, null, null, null],
      ['CRR2', 'Q1 2022/23', 6, 2, null, null, null],
      ['CRR3', 'Q1 2022/23', 3, 'abc', null, null, null],
      ['CRR1', 'Q2 2022/23', 5, 4, null, null, null],
    ],
  },
]);

type Globals = typeof fake.globals;
const target = globalThis as unknown as Record<string, unknown> & { Office?: Record<string, unknown> };
const office = (target.Office ?? {}) as Record<string, unknown>;
const fakeOffice = fake.globals.Office as Record<string, unknown>;
// office.js stays: only the workbook side and what exists only inside Excel come from the fake.
target.Excel = fake.globals.Excel as Globals['Excel'];
target.CustomFunctions = fake.globals.CustomFunctions;
office.actions = fakeOffice.actions;
office.addin = fakeOffice.addin;
target.Office = office;
target.__officeFake = fake;
