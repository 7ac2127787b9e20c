// Says, in the user's terms, why some bytes or some zip archive are not an .xlsx workbook.
import type { ZipEntries } from './zip-entries.ts';

/** A zip archive (every .xlsx is one) starts with a local file header, `PK\x03\x04`. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: legacy .xls, and also password-protected (encrypted) .xlsx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Why the bytes cannot be a workbook before any unzipping, or undefined when they may be one. */
export function notZipReason(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the file is empty.';
  if (startsWith(bytes, CFB_MAGIC)) {
    return 'it looks like a legacy .xls file or a password-protected workbook. Save it as an unprotected .xlsx.';
  }
  if (!startsWith(bytes, ZIP_MAGIC)) return 'the file is not a zip archive. Save it as an .xlsx workbook.';
  return undefined;
}

/** Office siblings and look-alikes a user may pick by mistake, by a part only they have. */
const LOOK_ALIKES: readonly [part: string, what: string][] = [
  ['xl/workbook.bin', 'it is a binary .xlsb workbook. Save it as .xlsx.'],
  ['word/document.xml', 'it is a Word document (.docx), not a workbook.'],
  ['ppt/presentation.xml', 'it is a PowerPoint presentation (.pptx), not a workbook.'],
  ['content.xml', 'it looks like an OpenDocument file (.ods/.odt). Save it as .xlsx.'],
];

/** Why a zip archive without a workbook part is not a workbook. */
export function noWorkbookReason(zip: ZipEntries): string {
  for (const [part, what] of LOOK_ALIKES) if (zip.has(part)) return what;
  return 'the zip archive holds no workbook (xl/workbook.xml).';
}
