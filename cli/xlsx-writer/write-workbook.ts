// Writes sheet plans as a new .xlsx into a stream: the XML made directly from the plans, each part
// deflated by Node's zlib as it is made (zip-writer.ts), so the report never exists as a
// spreadsheet model in memory. What `generate` writes its report with.
import type { Writable } from 'node:stream';
import type { SheetPlan } from '../../core/index.ts';
import { safeSheetName, sameSheetName } from '../../core/index.ts';
import type { DefinedName } from '../functions.ts';
import { ZipWriter } from '../zip-writer.ts';
import {
  appPropertiesXml,
  contentTypesXml,
  corePropertiesXml,
  packageRelationshipsXml,
  sheetPath,
  workbookRelationshipsXml,
  workbookXml,
  type WrittenSheet,
} from './package-parts.ts';
import { SharedStrings } from './shared-strings.ts';
import { StyleTable } from './style-table.ts';
import { worksheetXml } from './worksheet-xml.ts';

/**
 * Writes `plans` as the sheets of a new workbook into `out` (emptying the array as it goes: once
 * written, a sheet's plan can be freed), with workbook-scoped `names` (the LAMBDA functions), and
 * resolves when `out` has been ended. Rejects, naming the cell or sheet, for a plan no .xlsx can
 * hold (a bad sheet name, text over 32,767 characters, overlapping merges); `out` is then left
 * for the caller to destroy.
 */
export async function writeWorkbook(
  out: Writable,
  plans: SheetPlan[],
  names: readonly DefinedName[] = [],
  now: Date = new Date(),
): Promise<void> {
  checkSheetNames(plans);
  const sheets: WrittenSheet[] = plans.map((plan) => ({
    name: plan.name,
    repeatRows: plan.print.repeatRows,
  }));
  // The workbook part is made first so that a bad name fails before anything is written.
  const workbook = workbookXml(sheets, names);
  const zip = new ZipWriter(out, now);
  await zip.add('[Content_Types].xml', [contentTypesXml(sheets.length)]);
  await zip.add('_rels/.rels', [packageRelationshipsXml()]);
  await zip.add('docProps/app.xml', [appPropertiesXml()]);
  await zip.add('docProps/core.xml', [corePropertiesXml(now)]);
  await zip.add('xl/workbook.xml', [workbook]);
  await zip.add('xl/_rels/workbook.xml.rels', [workbookRelationshipsXml(sheets.length)]);

  const styles = new StyleTable();
  const strings = new SharedStrings();
  for (let index = 0, plan = plans.shift(); plan; index++, plan = plans.shift())
    await zip.add(sheetPath(index), worksheetXml(plan, styles, strings));
  // Known only once every sheet is written: the text and the styles the cells use.
  await zip.add('xl/sharedStrings.xml', strings.xml());
  await zip.add('xl/styles.xml', [styles.xml()]);
  await zip.finish();
}

/** Sheet names Excel accepts, each once (names compare without case). */
function checkSheetNames(plans: readonly SheetPlan[]): void {
  plans.forEach((plan, i) => {
    if (safeSheetName(plan.name) !== plan.name)
      throw new RangeError(
        `${JSON.stringify(plan.name)} is not a sheet name Excel accepts (1-31 characters, none of []:*?/\\, not starting or ending with ').`,
      );
    if (plans.slice(0, i).some((other) => sameSheetName(other.name, plan.name)))
      throw new RangeError(`Two sheets are named ${JSON.stringify(plan.name)}.`);
  });
}
