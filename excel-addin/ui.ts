// HostUi over the task pane: progress and outcomes go to the pane when it is open, and wait for it when not.
import type { HostUi, JobOutcome } from '../core/index.ts';
import { TaskpaneView, type PaneActions } from './taskpane/taskpane.ts';

export class TaskpaneUi implements HostUi {
  private view: TaskpaneView | undefined;
  private last: JobOutcome | undefined;
  /** Every outcome, newest last: what a ribbon command left for the pane (and for tests). */
  readonly outcomes: JobOutcome[] = [];

  /** Generate takes the latest quarter or the pane's choice: there is no dialog, so no askQuarter. */
  progress(message: string): void {
    this.view?.progress(message);
  }

  showOutcome(outcome: JobOutcome): void {
    this.last = outcome;
    this.outcomes.push(outcome);
    this.view?.showOutcome(outcome);
  }

  /** Shows the pane's controls; an outcome from a ribbon command run before it opened shows too. */
  mount(doc: Document, actions: PaneActions): TaskpaneView {
    this.view = new TaskpaneView(doc, actions);
    if (this.last) this.view.showOutcome(this.last);
    void this.view.refresh();
    return this.view;
  }

  /** The matrix changed (Scoring edited): redraw the pane's heat grid. */
  matrixChanged(): void {
    void this.view?.refreshMatrix();
  }
}
