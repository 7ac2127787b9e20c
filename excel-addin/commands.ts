/// <reference types="office-js" />
// The jobs as the ribbon and the task pane run them: Generate (latest quarter unless the pane picked one), Validate, Set up.
import {
  DEFAULT_JOB_SETTINGS,
  assessedQuarters,
  errorText,
  formatQuarter,
  generate,
  parseQuarter,
  readDataSheets,
  readWorkbook,
  setUp,
  validate,
  type Issue,
  type JobSettings,
} from '../core/index.ts';
import { RIBBON_COMMANDS } from './ribbon-commands.ts';
import { STARTUP_UNSUPPORTED, startWithWorkbook, startsWithWorkbook } from './startup-behavior.ts';
import type { PaneActions } from './taskpane/taskpane.ts';
import type { TaskpaneUi } from './ui.ts';
import type { WorkbookMatrix } from './workbook-matrix.ts';
import type { ExcelRun, OfficeWorkbookPort } from './workbook-port.ts';

export class AddinJobs implements PaneActions {
  constructor(
    private readonly run: ExcelRun,
    private readonly port: OfficeWorkbookPort,
    private readonly ui: TaskpaneUi,
    private readonly workbookMatrix: WorkbookMatrix,
    private readonly settings: JobSettings = DEFAULT_JOB_SETTINGS,
  ) {}

  async generate(quarter?: string): Promise<void> {
    const chosen = quarter ? parseQuarter(quarter, this.settings.calendar) : undefined;
    await generate(this.port, { ...this.settings, ...(chosen ? { quarter: chosen } : {}) }, this.ui);
  }

  async validate(): Promise<void> {
    await validate(this.port, this.settings, this.ui);
  }

  /**
   * Set up, then the add-in starts with this workbook from now on, so cells pasted before anyone
   * clicks are re-checked too (the pane can turn it off). Where Excel cannot, the pane says so.
   */
  async setUp(): Promise<void> {
    const result = await setUp(this.port, {}, this.ui);
    this.workbookMatrix.invalidate();
    this.ui.matrixChanged();
    if (result.outcome.failed) return;
    try {
      if (!(await startWithWorkbook(true))) this.ui.progress(STARTUP_UNSUPPORTED);
    } catch (error) {
      this.ui.progress(
        `The add-in will start on your first click, not with the workbook: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  startsWithWorkbook(): Promise<boolean | undefined> {
    return startsWithWorkbook();
  }

  startWithWorkbook(on: boolean): Promise<boolean> {
    return startWithWorkbook(on);
  }

  async quarters(): Promise<readonly string[]> {
    const read = readWorkbook(await readDataSheets(this.port), this.settings);
    return assessedQuarters(read.assessments).map((q) => formatQuarter(q, this.settings.calendar));
  }

  matrix() {
    return this.workbookMatrix.get();
  }

  async select(issue: Issue): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(issue.sheet);
      sheet.activate();
      sheet.getRange(issue.cell).select();
      await context.sync();
    });
  }
}

/**
 * Binds the ribbon buttons. Each shows the task pane (where the outcome appears), runs its job,
 * and always calls `event.completed()`, or Office keeps the button busy.
 */
export function associateRibbonCommands(jobs: AddinJobs, ui: TaskpaneUi): void {
  const bind = (name: string, job: () => Promise<void>) =>
    Office.actions.associate(name, async (event: Office.AddinCommands.Event) => {
      try {
        await Office.addin?.showAsTaskpane?.().catch(() => undefined);
        await job();
      } catch (error) {
        ui.showOutcome({
          headline: `Something went wrong: ${errorText(error)}`,
          details: [],
          issues: [],
          failed: true,
        });
      } finally {
        event.completed();
      }
    });
  // No dialog on the ribbon: Generate reports the latest quarter in Assessments.
  bind(RIBBON_COMMANDS.generate, () => jobs.generate());
  bind(RIBBON_COMMANDS.validate, () => jobs.validate());
  bind(RIBBON_COMMANDS.setUp, () => jobs.setUp());
}
