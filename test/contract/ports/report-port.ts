/**
 * The CLI's `generate` port under the contract: the input sheets are a real .xlsx file read by
 * the CLI's reader, the report is written by the CLI's own writer (cli/xlsx-writer/) to a real
 * file, and the snapshot reads that file back — what Excel and LibreOffice would open. It writes
 * whole sheets only, so it joins the jobs that do (generate, validate), not set up or recheck.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SheetGrid } from '../../../core/index.ts';
import { ReportWorkbookPort } from '../../../cli/report-port.ts';
import { openXlsx } from '../../../cli/xlsx-reader/index.ts';
import { fixtureWorkbookBuffer } from '../../support/workbook-fixture.ts';
import type { OpenedPort, PortUnderTest } from '../port-under-test.ts';
import { snapshotOfFile } from './exceljs-port.ts';

export const REPORT_PORT: PortUnderTest = {
  name: 'report writer (generate .xlsx files)',
  roundTripPerPortCall: true,
  async open(sheets: readonly SheetGrid[]): Promise<OpenedPort> {
    const file = openXlsx(new Uint8Array(await fixtureWorkbookBuffer(sheets)));
    const port = new ReportWorkbookPort({
      readSheets: async (names) => Promise.all(names.map((name) => file.readSheet(name))),
    });
    const calls = port.calls;
    return {
      port,
      roundTrips: () => calls.read + calls.writeSheets + calls.defineNames,
      // What the job wrote, as a file: the report holds only the sheets written.
      snapshot: async () => {
        const dir = await mkdtemp(join(tmpdir(), 'contract-report-'));
        try {
          const out = join(dir, 'report.xlsx');
          await port.writeFile(out);
          return await snapshotOfFile(await readFile(out));
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  },
};
