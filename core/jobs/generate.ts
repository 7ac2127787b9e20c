/**
 * The Generate job: reads the data sheets once, checks them, asks for the quarter where the host
 * can ask, and — only when there are no errors — writes the quarter's report sheets, replacing
 * that quarter's and nothing else.
 */
import type { Issue } from '../issues/issue.ts';
import { hasErrors } from '../issues/issue.ts';
import { movementLine, notAQuarterLine, nothingGeneratedLine, registerHeadline } from '../issues/messages.ts';
import { quarterlyReportPlans } from '../layout/report-plans.ts';
import type { SheetPlan } from '../layout/sheet-plan.ts';
import type { HostUi, JobOutcome } from '../ports/host-ui.ts';
import type { WorkbookPort } from '../ports/workbook-port.ts';
import type { Quarter } from '../quarters/quarter.ts';
import { formatQuarter, parseQuarter } from '../quarters/quarter.ts';
import type { GeneratedRegister } from './analyse-workbook.ts';
import { analysisFor, readWorkbook, registerFor, type WorkbookAnalysis } from './analyse-workbook.ts';
import type { JobSettings } from './job-settings.ts';
import { DEFAULT_REPORT_TITLE } from './job-settings.ts';
import { readDataSheets } from '../ports/read-data-sheets.ts';

export interface GenerateResult extends GeneratedRegister {
  /** The sheets written; absent when nothing was (errors, or the user cancelled). */
  readonly plans?: readonly SheetPlan[];
  readonly outcome: JobOutcome;
}

export async function generate(
  port: WorkbookPort,
  settings: JobSettings,
  ui?: HostUi,
): Promise<GenerateResult> {
  ui?.progress('Reading the data sheets…');
  // Read once: the quarter offered and the register built come from the same reading. The grids
  // are let go as soon as they are read: nothing after needs them.
  const read = readWorkbook(await readDataSheets(port), settings);
  const chosen = await chooseQuarter(read, settings, ui);
  if (chosen.kind === 'stop') return finish(ui, { ...analysisFor(read, settings), outcome: chosen.outcome });

  const result = registerFor(read, { ...settings, ...(chosen.quarter ? { quarter: chosen.quarter } : {}) });
  if (!result.model || hasErrors(result.issues)) {
    return finish(ui, { ...result, outcome: failed(nothingGeneratedLine(result.issues), result.issues) });
  }
  const quarterLabel = formatQuarter(result.model.quarter, settings.calendar);
  ui?.progress(`Writing the ${quarterLabel} register…`);
  const plans = quarterlyReportPlans(result.model, {
    matrix: result.matrix,
    calendar: settings.calendar,
    title: DEFAULT_REPORT_TITLE,
  });
  await port.writeSheets(plans);
  const outcome: JobOutcome = {
    headline: registerHeadline(
      result.model,
      result.matrix.spec.ratings.map((r) => r.name),
      quarterLabel,
    ),
    details: [movementLine(result.model)],
    issues: result.issues,
    failed: false,
  };
  return finish(ui, { ...result, plans, outcome });
}

type QuarterChoice =
  | { readonly kind: 'go'; readonly quarter?: Quarter }
  | { readonly kind: 'stop'; readonly outcome: JobOutcome };

/** The quarter asked for in settings, else the user's answer where the host can ask, else the latest. */
async function chooseQuarter(
  read: WorkbookAnalysis,
  settings: JobSettings,
  ui: HostUi | undefined,
): Promise<QuarterChoice> {
  if (settings.quarter || !ui?.askQuarter) return { kind: 'go' };
  const latest = read.latestQuarter;
  if (!latest) return { kind: 'go' };
  const suggested = formatQuarter(latest, settings.calendar);
  const answer = await ui.askQuarter(suggested);
  if (answer === undefined) {
    return {
      kind: 'stop',
      outcome: { headline: 'Cancelled: nothing was generated.', details: [], issues: [], failed: true },
    };
  }
  if (answer.trim() === '') return { kind: 'go', quarter: latest };
  const quarter = parseQuarter(answer, settings.calendar);
  if (quarter) return { kind: 'go', quarter };
  return { kind: 'stop', outcome: failed(notAQuarterLine(answer, suggested, settings.calendar), []) };
}

function failed(headline: string, issues: readonly Issue[]): JobOutcome {
  return { headline, details: [], issues, failed: true };
}

function finish(ui: HostUi | undefined, result: GenerateResult): GenerateResult {
  ui?.showOutcome(result.outcome);
  return result;
}
