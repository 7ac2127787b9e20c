// The menu commands: each binds one core job to the Sheets port and UI, in a few lines.
import { DEFAULT_JOB_SETTINGS, generate, setUp, validate } from '../core/index.ts';
import { host } from './sheets-api.ts';
import { SheetsUi } from './ui.ts';
import { SheetsWorkbookPort } from './workbook-port.ts';

function session(): { port: SheetsWorkbookPort; ui: SheetsUi } {
  const { SpreadsheetApp, Utilities } = host();
  const spreadsheet = SpreadsheetApp.getActive();
  return {
    port: new SheetsWorkbookPort(spreadsheet, SpreadsheetApp, Utilities),
    ui: new SheetsUi(spreadsheet, SpreadsheetApp.getUi()),
  };
}

/** Runs a command; an unexpected failure is shown, since an async error would otherwise vanish. */
async function run(command: (s: ReturnType<typeof session>) => Promise<unknown>): Promise<void> {
  const s = session();
  try {
    await command(s);
  } catch (error) {
    s.ui.showError(error);
  }
}

/** Generate: the same report sheets as the CLI, written only when the data has no errors. */
export function generateQuarterlyRegister(): Promise<void> {
  return run(({ port, ui }) => generate(port, DEFAULT_JOB_SETTINGS, ui));
}

/** Validate: the "Validation issues" sheet from the job's report; the data is not changed. */
export function validateRegister(): Promise<void> {
  return run(async ({ port, ui }) =>
    port.writeSheets([(await validate(port, DEFAULT_JOB_SETTINGS, ui)).report]),
  );
}

/** Set up: missing sheets, headers, rules, and Score/Rating formulas that pass the Scoring range. */
export function setUpSheets(): Promise<void> {
  return run(({ port, ui }) => setUp(port, {}, ui));
}
