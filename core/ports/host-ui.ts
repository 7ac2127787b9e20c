/**
 * What the user sees while a job runs, as each host shows it: a prompt and toasts in Sheets, the
 * task pane in Excel, the terminal for the CLI. The jobs call it; the words come from
 * `core/issues/messages.ts`, so every host says the same thing.
 */
import type { Issue } from '../issues/issue.ts';

export interface JobOutcome {
  /** One line: `Q2 2022/23 register: 21 open risks — 2 Critical, 13 High, 6 Medium, 0 Low.` */
  readonly headline: string;
  /** Further lines worth reading (what moved, what was added). */
  readonly details: readonly string[];
  /** Every issue found, errors first in sheet order; empty when there is none. */
  readonly issues: readonly Issue[];
  /** True when the job stopped on errors and wrote nothing. */
  readonly failed: boolean;
}

export interface HostUi {
  /**
   * Asks which quarter to report, offering `suggested` (`Q2 2022/23`). Resolves to the text the
   * user typed, or undefined when they cancel. A host without a dialog leaves this out and the
   * jobs use the suggested (latest) quarter.
   */
  askQuarter?(suggested: string): Promise<string | undefined>;
  /** A short note while a long job runs: `Reading the data sheets…`. */
  progress(message: string): void;
  /** The outcome of a job, once it is done. */
  showOutcome(outcome: JobOutcome): void;
}
