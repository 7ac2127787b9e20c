// The task pane: quarter picker, the three jobs, progress, the outcome, issues that jump to their cell, and the matrix.
import {
  errorText,
  fontColourFor,
  ratingOf,
  scoreOf,
  type Issue,
  type RiskMatrix,
} from '../../core/index.ts';
import { STARTUP_UNSUPPORTED } from '../startup-behavior.ts';

/** What the pane shows of a finished job (the core's JobOutcome fits). */
export interface PaneOutcome {
  readonly headline: string;
  readonly details: readonly string[];
  readonly issues: readonly Issue[];
  readonly failed: boolean;
}

/** What the pane's controls do; main.ts wires them to the jobs. */
export interface PaneActions {
  /** Quarters found in Assessments, oldest first. */
  quarters(): Promise<readonly string[]>;
  matrix(): Promise<RiskMatrix>;
  generate(quarter: string | undefined): Promise<void>;
  validate(): Promise<void>;
  setUp(): Promise<void>;
  /** Selects the issue's cell in the workbook. */
  select(issue: Issue): Promise<void>;
  /** Whether the add-in starts when this workbook opens; undefined where Excel has no such switch. */
  startsWithWorkbook(): Promise<boolean | undefined>;
  /** Turns that on or off; false where Excel has no such switch. */
  startWithWorkbook(on: boolean): Promise<boolean>;
}

function element<T extends HTMLElement>(doc: Document, id: string): T {
  const found = doc.getElementById(id);
  if (!found) throw new Error(`the task pane has no #${id}`);
  return found as T;
}

export class TaskpaneView {
  private readonly quarter: HTMLSelectElement;
  private readonly buttons: HTMLButtonElement[];
  private readonly status: HTMLElement;
  private readonly progressBar: HTMLElement;
  private readonly outcome: HTMLElement;
  private readonly headline: HTMLElement;
  private readonly details: HTMLElement;
  private readonly issuesSection: HTMLElement;
  private readonly issues: HTMLElement;
  private readonly startup: HTMLInputElement;
  private readonly startupNote: HTMLElement;

  constructor(
    private readonly doc: Document,
    private readonly actions: PaneActions,
  ) {
    this.quarter = element(doc, 'quarter');
    const generate = element<HTMLButtonElement>(doc, 'generate');
    const validate = element<HTMLButtonElement>(doc, 'validate');
    const setUp = element<HTMLButtonElement>(doc, 'setup');
    this.buttons = [generate, validate, setUp];
    this.status = element(doc, 'status');
    this.progressBar = element(doc, 'progress');
    this.outcome = element(doc, 'outcome');
    this.headline = element(doc, 'headline');
    this.details = element(doc, 'details');
    this.issuesSection = element(doc, 'issues-section');
    this.issues = element(doc, 'issues');
    this.startup = element(doc, 'startup');
    this.startupNote = element(doc, 'startup-note');
    this.startup.addEventListener('change', () => void this.changeStartup(this.startup.checked));
    generate.addEventListener('click', () =>
      this.runJob(() => this.actions.generate(this.quarter.value || undefined)),
    );
    validate.addEventListener('click', () => this.runJob(() => this.actions.validate()));
    setUp.addEventListener('click', () => this.runJob(() => this.actions.setUp()));
  }

  /** Fills the quarter list and the matrix; failures show as status, never as a broken pane. */
  async refresh(): Promise<void> {
    await Promise.all([this.refreshQuarters(), this.refreshMatrix(), this.refreshStartup()]);
  }

  /** The switch shows whether the add-in starts with the workbook; without the API it explains why not. */
  private async refreshStartup(): Promise<void> {
    let on: boolean | undefined;
    try {
      on = await this.actions.startsWithWorkbook();
    } catch {
      on = undefined;
    }
    this.startup.disabled = on === undefined;
    this.startup.checked = on === true;
    this.startupNote.hidden = on !== undefined;
    if (on === undefined) this.startupNote.textContent = STARTUP_UNSUPPORTED;
  }

  private async changeStartup(on: boolean): Promise<void> {
    try {
      if (!(await this.actions.startWithWorkbook(on))) this.progress(STARTUP_UNSUPPORTED);
    } catch (error) {
      this.progress(`Could not change how the add-in starts: ${errorText(error)}`);
    }
    await this.refreshStartup();
  }

  private async refreshQuarters(): Promise<void> {
    try {
      const quarters = await this.actions.quarters();
      const chosen = this.quarter.value;
      const latest = quarters[quarters.length - 1];
      const options = [
        new Option(latest ? `Latest: ${latest}` : 'Latest quarter in Assessments', ''),
        ...[...quarters].reverse().map((quarter) => new Option(quarter, quarter)),
      ];
      this.quarter.replaceChildren(...options);
      if (quarters.includes(chosen)) this.quarter.value = chosen;
    } catch (error) {
      this.progress(`Could not read the quarters: ${errorText(error)}`);
    }
  }

  async refreshMatrix(): Promise<void> {
    try {
      this.renderMatrix(await this.actions.matrix());
    } catch (error) {
      element(this.doc, 'matrix-name').textContent = `The Scoring sheet has a problem: ${errorText(error)}`;
      element(this.doc, 'matrix').replaceChildren();
      element(this.doc, 'matrix-key').replaceChildren();
    }
  }

  /** A short note while a job runs; also read out by screen readers (role=status). */
  progress(message: string): void {
    this.status.textContent = message;
  }

  showOutcome(outcome: PaneOutcome): void {
    this.outcome.hidden = false;
    this.headline.textContent = outcome.headline;
    this.headline.classList.toggle('failed', outcome.failed);
    this.details.replaceChildren(...outcome.details.map((line) => this.item(line)));
    this.renderIssues(outcome.issues);
    // The headline is said once, in the Result card (a live region); the status line clears.
    this.status.textContent = '';
  }

  busy(on: boolean): void {
    for (const button of this.buttons) button.disabled = on;
    this.progressBar.hidden = !on;
    this.doc.getElementById('app')?.setAttribute('aria-busy', String(on));
  }

  private async runJob(job: () => Promise<void>): Promise<void> {
    const focused = this.doc.activeElement as HTMLElement | null;
    this.busy(true);
    try {
      await job();
    } catch (error) {
      this.progress(`Something went wrong: ${errorText(error)}`);
    } finally {
      this.busy(false);
      // Disabling the pressed button drops focus to the body; give it back for keyboard users.
      if (focused && this.doc.activeElement === this.doc.body) focused.focus();
    }
    await this.refresh();
  }

  private item(text: string): HTMLLIElement {
    const li = this.doc.createElement('li');
    li.textContent = text;
    return li;
  }

  private renderIssues(issues: readonly Issue[]): void {
    this.issuesSection.hidden = issues.length === 0;
    const items = issues.map((issue) => {
      const li = this.doc.createElement('li');
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.className = `issue ${issue.severity}`;
      const where = this.doc.createElement('span');
      where.className = 'issue-where';
      where.textContent = `${issue.sheet}!${issue.cell}`;
      const severity = this.doc.createElement('span');
      severity.className = 'issue-severity';
      severity.textContent = issue.severity === 'error' ? 'Error' : 'Warning';
      const message = this.doc.createElement('span');
      message.className = 'issue-message';
      message.textContent = issue.message;
      button.append(where, severity, message);
      button.setAttribute('aria-label', `${severity.textContent} at ${where.textContent}: ${issue.message}`);
      button.addEventListener('click', () => {
        this.actions.select(issue).then(
          () => this.progress(`Selected ${issue.sheet}!${issue.cell}.`),
          (error: unknown) =>
            this.progress(`Could not select ${issue.sheet}!${issue.cell}: ${errorText(error)}`),
        );
      });
      li.append(button);
      return li;
    });
    this.issues.replaceChildren(...items);
  }

  /** Probability rows from the top (highest first), impact columns from the left, as the Heat map sheet. */
  private renderMatrix(matrix: RiskMatrix): void {
    element(this.doc, 'matrix-name').textContent = matrix.spec.name;
    const grid = element(this.doc, 'matrix');
    grid.style.gridTemplateColumns = `20px repeat(${matrix.impactLevels}, 1fr)`;
    grid.setAttribute('role', 'img');
    const cells: HTMLElement[] = [];
    const div = (className: string, text: string) => {
      const cell = this.doc.createElement('div');
      cell.className = className;
      cell.textContent = text;
      return cell;
    };
    for (let probability = matrix.probabilityLevels; probability >= 1; probability--) {
      cells.push(div('heat-axis', String(probability)));
      for (let impact = 1; impact <= matrix.impactLevels; impact++) {
        const rating = ratingOf(matrix, impact, probability);
        const cell = div('heat-cell', String(scoreOf(impact, probability)));
        cell.style.background = rating.colour;
        cell.style.color = fontColourFor(rating);
        cell.title = `Impact ${impact}, probability ${probability}: ${rating.name}`;
        cells.push(cell);
      }
    }
    cells.push(div('heat-axis', ''));
    for (let impact = 1; impact <= matrix.impactLevels; impact++)
      cells.push(div('heat-axis', String(impact)));
    cells.push(div('heat-caption', 'Impact → (rows: probability)'));
    grid.replaceChildren(...cells);
    grid.setAttribute(
      'aria-label',
      `${matrix.spec.name}: ${matrix.impactLevels} impact levels by ${matrix.probabilityLevels} probability levels.`,
    );
    const key = element(this.doc, 'matrix-key');
    key.replaceChildren(
      ...matrix.spec.ratings.map((rating) => {
        const li = this.doc.createElement('li');
        const swatch = this.doc.createElement('span');
        swatch.className = 'key-swatch';
        swatch.style.background = rating.colour;
        li.append(swatch, rating.name);
        return li;
      }),
    );
  }
}
