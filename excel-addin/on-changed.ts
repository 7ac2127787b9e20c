/// <reference types="office-js" />
// Workbook events: edits to Risks/Assessments are re-checked, Scoring edits refresh the matrix, and the add-in's own writes are skipped.
import {
  ASSESSMENTS_SHEET_NAME,
  DEFAULT_JOB_SETTINGS,
  RISKS_SHEET_NAME,
  SCORING_SHEET_NAME,
  parseA1,
  recheckEdit,
  sameSheetName,
  type CellRange,
  type HostUi,
  type JobSettings,
} from '../core/index.ts';
import type { EventGate, ExcelRun, OfficeWorkbookPort } from './workbook-port.ts';

/** Events off while the add-in writes (runtime.enableEvents, ExcelApi 1.8); triggerSource is the second guard. */
export const PAUSE_EVENTS: EventGate = {
  pause: (context) => {
    context.runtime.enableEvents = false;
  },
  resume: (context) => {
    context.runtime.enableEvents = true;
  },
};

/** `B2:D9` (or `B2`) as a 0-based range. */
export function rangeOfAddress(address: string): CellRange | undefined {
  const [from = '', to = from] = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export interface WatchOptions {
  readonly run: ExcelRun;
  readonly port: OfficeWorkbookPort;
  readonly ui: HostUi;
  /** The Scoring sheet changed, or a sheet came or went: the cached matrix is stale. */
  readonly matrixChanged: () => void;
  readonly settings?: JobSettings;
}

interface ChangedEvent {
  readonly worksheetId: string;
  readonly address: string;
  /** ExcelApi 1.14; absent on older hosts, where enableEvents alone keeps our writes out. */
  readonly triggerSource?: string;
}

/** One handler for every sheet (worksheets.onChanged, ExcelApi 1.9) plus sheets coming and going. */
export async function watchWorkbook(options: WatchOptions): Promise<() => Promise<void>> {
  const { run, port, ui, matrixChanged } = options;
  const settings = options.settings ?? DEFAULT_JOB_SETTINGS;

  const onChanged = async (event: ChangedEvent) => {
    if (event.triggerSource === 'ThisLocalAddin') return;
    const name = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(event.worksheetId).load('name');
      await context.sync();
      return sheet.name;
    });
    if (sameSheetName(name, SCORING_SHEET_NAME)) {
      matrixChanged();
      return;
    }
    if (!sameSheetName(name, RISKS_SHEET_NAME) && !sameSheetName(name, ASSESSMENTS_SHEET_NAME)) return;
    const range = rangeOfAddress(event.address);
    if (!range) return;
    // Re-checks the edited rows and restores their validation (a paste wipes it).
    const result = await recheckEdit(port, { sheet: name, range }, settings);
    if (result.issues.length > 0) ui.showOutcome(result.outcome);
  };
  const onSheetsChanged = async () => {
    matrixChanged();
    await port.refreshSheetNames();
  };

  const handlers = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const registered = [
      sheets.onChanged.add(onChanged),
      sheets.onAdded.add(onSheetsChanged),
      sheets.onDeleted.add(onSheetsChanged),
    ];
    await context.sync();
    return registered;
  });
  return async () => {
    await run(async (context) => {
      for (const handler of handlers) handler.remove();
      await context.sync();
    });
  };
}
