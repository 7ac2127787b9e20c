// The HostUi for Sheets: a prompt for the quarter, toasts for progress and outcomes, an alert for errors.
import type { HostUi, Issue, JobOutcome } from '../core/index.ts';
import { errorText, formatIssue } from '../core/index.ts';
import type { SpreadsheetApi, UiApi } from './sheets-api.ts';

export const UI_TITLE = 'Risk register';
/** An alert is read, not scrolled: the first issues, then how many more. */
const ALERT_ISSUES = 15;
const TOAST_SECONDS = 10;

/** The issues as lines that name their cells: `Assessments!C2: impact 6 is outside 1-5`. */
export function issueLines(issues: readonly Issue[], limit: number): string[] {
  const lines = issues
    .slice(0, limit)
    .map((issue) => `${issue.severity === 'error' ? 'Error' : 'Warning'} ${formatIssue(issue)}`);
  if (issues.length > limit) lines.push(`…and ${issues.length - limit} more.`);
  return lines;
}

export class SheetsUi implements HostUi {
  constructor(
    private readonly spreadsheet: SpreadsheetApi,
    private readonly ui: UiApi,
  ) {}

  /** The latest quarter is the default: an empty answer takes it, Cancel (or closing) stops. */
  async askQuarter(suggested: string): Promise<string | undefined> {
    const answer = this.ui.prompt(
      'Generate quarterly register',
      `Which quarter? Leave empty for ${suggested}, or type one such as ${suggested}.`,
      this.ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== this.ui.Button.OK) return undefined;
    return answer.getResponseText();
  }

  progress(message: string): void {
    this.spreadsheet.toast(message, UI_TITLE, TOAST_SECONDS);
  }

  showOutcome(outcome: JobOutcome): void {
    this.spreadsheet.toast([outcome.headline, ...outcome.details].join(' '), UI_TITLE, TOAST_SECONDS);
    if (outcome.failed && outcome.issues.length > 0) {
      this.ui.alert(
        UI_TITLE,
        [outcome.headline, '', ...issueLines(outcome.issues, ALERT_ISSUES)].join('\n'),
        this.ui.ButtonSet.OK,
      );
    }
  }

  /** A failure of the script itself, said plainly rather than lost in the execution log. */
  showError(error: unknown): void {
    this.ui.alert(UI_TITLE, `Something went wrong: ${errorText(error)}`, this.ui.ButtonSet.OK);
  }
}
