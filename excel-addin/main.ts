/// <reference types="office-js" />
// The shared runtime's one bundle: custom functions, ribbon commands, workbook events and the task pane.
import { errorText } from '../core/index.ts';
import { associateCustomFunctions } from './functions.ts';
import { AddinJobs, associateRibbonCommands } from './commands.ts';
import { PAUSE_EVENTS, watchWorkbook } from './on-changed.ts';
import { applyPaneTheme } from './taskpane/theme.ts';
import { TaskpaneUi } from './ui.ts';
import { WorkbookMatrix } from './workbook-matrix.ts';
import { OfficeWorkbookPort, type ExcelRun } from './workbook-port.ts';

const run: ExcelRun = (batch) => Excel.run(batch);
const port = new OfficeWorkbookPort(run, PAUSE_EVENTS);
const matrix = new WorkbookMatrix(port);
const ui = new TaskpaneUi();
const jobs = new AddinJobs(run, port, ui, matrix);

// Associations must happen as the script loads: Excel may call a function or press a button
// before Office.onReady resolves.
// Outside Excel (a plain browser) these globals are missing; the pane still renders.
if (typeof CustomFunctions !== 'undefined') associateCustomFunctions(() => matrix.get());
if (typeof Office !== 'undefined' && Office.actions) associateRibbonCommands(jobs, ui);

void Office.onReady(async () => {
  if (typeof document !== 'undefined' && document.getElementById('app')) {
    applyPaneTheme(document.documentElement, Office.context?.officeTheme);
    ui.mount(document, jobs);
  }
  try {
    // Sheet names once up front, so each job's first read is its only sync for reading.
    await port.refreshSheetNames();
    await watchWorkbook({
      run,
      port,
      ui,
      matrixChanged: () => {
        matrix.invalidate();
        ui.matrixChanged();
      },
    });
  } catch (error) {
    // Without events the add-in still works; edits are then only checked by Validate.
    ui.progress(`Edits will not be re-checked as you type: ${errorText(error)}`);
  }
});
