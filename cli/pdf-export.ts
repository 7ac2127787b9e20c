// Turns a generated register workbook into a committee-ready PDF with LibreOffice, when it is installed.
import { execFile } from 'node:child_process';
import { access, constants, copyFile, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './ui.ts';

export const LIBREOFFICE_INSTALL_HINT =
  'Install LibreOffice to export PDFs: on Debian or Ubuntu, `sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui`; elsewhere, from https://www.libreoffice.org.';

export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  for (const folder of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(folder, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  return undefined;
}

/** Writes `<workbook name>.pdf` beside the workbook and returns its path. */
export async function exportPdf(workbookPath: string): Promise<string> {
  const soffice = await findSoffice();
  if (!soffice)
    throw new UsageError(
      `LibreOffice (soffice) was not found, so no PDF was made. ${LIBREOFFICE_INSTALL_HINT}`,
    );
  // A private profile: a running LibreOffice or a shared profile cannot block the conversion.
  const work = await mkdtemp(join(tmpdir(), 'risk-register-pdf-'));
  try {
    const outDir = join(work, 'out');
    await new Promise<void>((resolvePromise, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          workbookPath,
        ],
        { timeout: 300_000 },
        (error, _stdout, stderr) =>
          error
            ? reject(new UsageError(`LibreOffice could not make the PDF: ${stderr || error.message}`))
            : resolvePromise(),
      );
    });
    const produced = join(outDir, basename(workbookPath).replace(/\.xlsx$/i, '.pdf'));
    const target = join(dirname(workbookPath), basename(produced));
    try {
      await access(produced);
    } catch {
      throw new UsageError('LibreOffice finished without writing a PDF.');
    }
    // The temp folder may sit on another file system, where rename fails: copy instead.
    await rename(produced, target).catch(() => copyFile(produced, target));
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
