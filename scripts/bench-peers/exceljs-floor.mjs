// The exceljs floor, for the bench (docs/performance.md): exceljs alone reading the workbook into
// memory and writing a register-sized sheet — what any exceljs-based tool pays before doing
// anything else. Usage: node scripts/bench-peers/exceljs-floor.mjs INPUT.xlsx OUTPUT.xlsx
import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';

const [input, output] = process.argv.slice(2);
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(await readFile(input));
const rows = [];
workbook.getWorksheet('Risks').eachRow((row) => rows.push(row.values.slice(1, 6)));
workbook.getWorksheet('Assessments').eachRow(() => undefined);
const report = new ExcelJS.Workbook();
const sheet = report.addWorksheet('Register');
for (const row of rows) sheet.addRow([...row, '↔', '↔', '↔', '↔', 'High']);
await writeFile(output, Buffer.from(await report.xlsx.writeBuffer()));
