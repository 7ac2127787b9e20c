// SheetJS (the `xlsx` package), a peer in the bench (docs/performance.md): read the workbook,
// turn both sheets into rows, write the same register-sized sheet as the exceljs floor, deflated.
// Usage: node scripts/bench-peers/sheetjs.mjs INPUT.xlsx OUTPUT.xlsx
import { readFileSync } from 'node:fs';
import XLSX from 'xlsx';

const [input, output] = process.argv.slice(2);
const workbook = XLSX.read(readFileSync(input), { dense: true });
const rows = XLSX.utils
  .sheet_to_json(workbook.Sheets.Risks, { header: 1, blankrows: false })
  .map((row) => row.slice(0, 5));
XLSX.utils.sheet_to_json(workbook.Sheets.Assessments, { header: 1 });
const report = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(
  report,
  XLSX.utils.aoa_to_sheet(
    rows.map((row) => [...row, '↔', '↔', '↔', '↔', 'High']),
    { dense: true },
  ),
  'Register',
);
XLSX.writeFile(report, output, { compression: true });
