// exceljs streaming, a peer in the bench (docs/performance.md): its WorkbookReader reading the
// workbook row by row and its WorkbookWriter writing the same register-sized sheet as the floor,
// with no checks. Usage: node scripts/bench-peers/exceljs-streaming.mjs INPUT.xlsx OUTPUT.xlsx
import ExcelJS from 'exceljs';

const [input, output] = process.argv.slice(2);
const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', worksheets: 'emit' });
const rows = [];
for await (const sheet of reader) {
  const risks = sheet.name === 'Risks';
  for await (const row of sheet) if (risks) rows.push(row.values.slice(1, 6));
}
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useSharedStrings: true });
const sheet = writer.addWorksheet('Register');
for (const row of rows) sheet.addRow([...row, '↔', '↔', '↔', '↔', 'High']).commit();
sheet.commit();
await writer.commit();
