/// <reference types="office-js" />
// Queues Office.js calls up to a byte budget per context.sync(), so syncs grow with megabytes written, never with rows.
import type { CellRange } from '../core/index.ts';

/** Excel on the web refuses a request over 5 MB; stay clear of it, the envelope is estimated. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
/** What one queued call costs beside its payload (object path, method name, ids). */
export const CALL_BYTES = 96;

const ENCODER = new TextEncoder();

/** The UTF-8 size of a payload as it goes over the wire (JSON). */
export function payloadBytes(payload: unknown): number {
  return ENCODER.encode(JSON.stringify(payload) ?? '').length + CALL_BYTES;
}

/** One queued call (or a few), with the bytes it adds to a request. */
export interface SheetCall {
  readonly bytes: number;
  readonly queue: (sheet: Excel.Worksheet) => void;
}

/** The worksheet range a plan's zero-based rectangle covers. */
export function rangeOf(sheet: Excel.Worksheet, range: CellRange): Excel.Range {
  return sheet.getRangeByIndexes(
    range.top,
    range.left,
    range.bottom - range.top + 1,
    range.right - range.left + 1,
  );
}

export class WriteBatch {
  private bytes = 0;
  private calls = 0;

  private started = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number = REQUEST_BUDGET_BYTES,
    /** Queued once, ahead of the first call (events off for the writes that follow). */
    private readonly first: () => void = () => undefined,
  ) {}

  /** True while calls are queued and not yet sent. */
  get pending(): boolean {
    return this.calls > 0;
  }

  /**
   * Queues one call of about `bytes`, sending what is queued first when the call would take the
   * batch over budget. Every batch starts by suspending recalculation until its sync, so Excel
   * does not recalculate after each of the calls in it.
   */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.calls > 0 && this.bytes + bytes > this.budget) await this.flush();
    if (this.calls === 0) this.context.workbook.application.suspendApiCalculationUntilNextSync();
    if (!this.started) {
      this.started = true;
      this.first();
    }
    queue();
    this.bytes += bytes;
    this.calls++;
  }

  /** Sends what is queued (nothing to send, no sync). */
  async flush(): Promise<void> {
    if (this.calls === 0) return;
    this.bytes = 0;
    this.calls = 0;
    await this.context.sync();
  }
}
