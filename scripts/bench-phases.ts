/**
 * `generate`'s phases one after another on one input file, each with its wall time and the V8
 * heap spaces after it (no collection forced): where the CLI's time and memory go. Run it
 * bundled, as the CLI runs (tsx is slower), on an input from `bench-case.ts prepare`:
 *
 *   npx esbuild scripts/bench-phases.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/bench-phases.mjs --external:exceljs --external:saxes
 *   node /tmp/bench-phases.mjs /tmp/r.xlsx /tmp/phases-out.xlsx
 *
 * Not part of `npm run bench`: a diagnostic for whoever works on speed (docs/performance.md).
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { fileGrids } from '../cli/read-grid.ts';
import { ReportWorkbookPort } from '../cli/report-port.ts';
import { readXlsxFile } from '../cli/xlsx-reader/read-file.ts';
import {
  APRIL_FISCAL_YEAR,
  DEFAULT_HISTORY_COUNT,
  DEFAULT_REPORT_TITLE,
  quarterlyReportPlans,
  readDataSheets,
  readWorkbook,
  registerFor,
  type JobSettings,
} from '../core/index.ts';

const [input, output = '/tmp/bench-phases-out.xlsx'] = process.argv.slice(2);
if (!input) throw new Error('usage: bench-phases.mjs INPUT.xlsx [OUTPUT.xlsx]');

let last = performance.now();
function phase(name: string): void {
  const now = performance.now();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  const mb = (bytes = 0) => `${Math.round(bytes / 1e6)} MB`.padStart(7);
  process.stdout.write(
    `${name.padEnd(26)} ${`${Math.round(now - last)} ms`.padStart(8)}   old ${mb(spaces.old_space)}` +
      `   large ${mb(spaces.large_object_space)}   new ${mb(spaces.new_space)}` +
      `   rss ${mb(process.memoryUsage().rss)}\n`,
  );
  last = now;
}

// What `risk-register generate` uses when given no options.
const settings: JobSettings = {
  calendar: APRIL_FISCAL_YEAR,
  quarterCount: 4,
  historyCount: DEFAULT_HISTORY_COUNT,
};
const port = new ReportWorkbookPort(fileGrids(await readXlsxFile(input), input));
phase('open the file');
const sheets = await readDataSheets(port);
phase('scan the sheets into grids');
const read = readWorkbook(sheets, settings);
phase('read and check the grids');
// As generate does: the quarter's checks (analysisFor), then the build, in one call.
const result = registerFor(read, settings);
phase('check the quarter + build');
if (!result.model) throw new Error(`${input} has errors: run validate on it`);
const plans = quarterlyReportPlans(result.model, {
  matrix: result.matrix,
  calendar: settings.calendar,
  title: DEFAULT_REPORT_TITLE,
});
phase('lay out the sheets');
await port.writeSheets(plans);
await port.writeFile(output);
phase('write the report');
