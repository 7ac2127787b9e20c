import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDefinedNames, readDefinedNames } from '../../cli/functions.ts';

const SCORE = '_xlfn.LAMBDA(_xlpm.impact,_xlpm.probability,_xlpm.impact*_xlpm.probability)';
const RATING =
  '_xlfn.LAMBDA(_xlpm.score,IF(_xlpm.score>=15,"High",IF(_xlpm.score>=8,"Medium",IF(_xlpm.score<>"","Low & <ok>",""))))';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lambda-names-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function workbookBuffer(build?: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Risks');
  sheet.getCell('A1').value = 'ID';
  build?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function workbookXml(xlsx: Buffer): Promise<string> {
  return (await JSZip.loadAsync(xlsx)).file('xl/workbook.xml')!.async('string');
}

/** Replaces xl/workbook.xml in a zip, to test layouts exceljs does not write. */
async function withWorkbookXml(xlsx: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file('xl/workbook.xml', edit(await zip.file('xl/workbook.xml')!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('addDefinedNames', () => {
  it('adds a <definedNames> block after <sheets> and before <calcPr>, escaping the formula text', async () => {
    const out = await addDefinedNames(await workbookBuffer(), [
      { name: 'RISKSCORE', formula: SCORE },
      { name: 'RISKRATING', formula: `=${RATING}` },
    ]);
    const xml = await workbookXml(out);
    expect(xml).toMatch(
      /<\/sheets><definedNames><definedName name="RISKSCORE">[^<]*<\/definedName><definedName name="RISKRATING">[^<]*<\/definedName><\/definedNames><calcPr /,
    );
    expect(xml).toContain('&quot;Low &amp; &lt;ok&gt;&quot;');
    expect(await readDefinedNames(out)).toEqual({ RISKSCORE: SCORE, RISKRATING: RATING });
  });

  it('keeps the workbook well-formed XML, checked by xmllint', async () => {
    const out = await addDefinedNames(await workbookBuffer(), [{ name: 'RISKRATING', formula: RATING }]);
    const path = join(dir, 'workbook.xml');
    await writeFile(path, await workbookXml(out));
    expect(() => execFileSync('xmllint', ['--noout', path], { stdio: 'pipe' })).not.toThrow();
  });

  it('merges into existing names: keeps print titles, replaces a same-named global name', async () => {
    const input = await workbookBuffer((wb) => {
      wb.getWorksheet('Risks')!.pageSetup.printTitlesRow = '1:1';
    });
    const once = await addDefinedNames(input, [
      { name: 'RISKSCORE', formula: 'old' },
      { name: 'KEEPME', formula: '1' },
    ]);
    const twice = await addDefinedNames(once, [{ name: 'riskscore', formula: SCORE }]);
    expect(await readDefinedNames(twice)).toEqual({
      '_xlnm.Print_Titles@0': "'Risks'!$1:$1",
      KEEPME: '1',
      riskscore: SCORE,
    });
    expect((await workbookXml(twice)).match(/<definedNames>/g)).toHaveLength(1);
  });

  it('fills an empty <definedNames/> and a workbook without <calcPr>', async () => {
    const base = await workbookBuffer();
    const empty = await withWorkbookXml(base, (xml) => xml.replace('</sheets>', '</sheets><definedNames/>'));
    expect(await readDefinedNames(await addDefinedNames(empty, [{ name: 'A_NAME', formula: '1' }]))).toEqual({
      A_NAME: '1',
    });

    const noCalc = await withWorkbookXml(base, (xml) => xml.replace(/<calcPr[^>]*\/>/, ''));
    const xml = await workbookXml(await addDefinedNames(noCalc, [{ name: 'X.Y', formula: '2' }]));
    expect(xml).toMatch(
      /<\/sheets><definedNames><definedName name="X.Y">2<\/definedName><\/definedNames><\/workbook>$/,
    );
  });

  it('leaves every other part of the file as it was', async () => {
    const input = await workbookBuffer();
    const out = await addDefinedNames(input, [{ name: 'RISKSCORE', formula: SCORE }]);
    const [before, after] = await Promise.all([JSZip.loadAsync(input), JSZip.loadAsync(out)]);
    expect(Object.keys(after.files).sort()).toEqual(Object.keys(before.files).sort());
    for (const name of Object.keys(before.files)) {
      if (name === 'xl/workbook.xml' || before.files[name]!.dir) continue;
      expect(await after.file(name)!.async('string'), name).toBe(await before.file(name)!.async('string'));
    }
  });

  it.each(['A1', 'XFD1048576', 'R1C1', 'R', 'C', '1ABC', 'has space', 'bad-dash', ''])(
    'rejects the invalid name %j',
    async (name) => {
      await expect(addDefinedNames(await workbookBuffer(), [{ name, formula: '1' }])).rejects.toThrow(
        /is not a valid workbook name/,
      );
    },
  );

  it('rejects the same name given twice', async () => {
    await expect(
      addDefinedNames(await workbookBuffer(), [
        { name: 'RISKSCORE', formula: '1' },
        { name: 'RiskScore', formula: '2' },
      ]),
    ).rejects.toThrow(/given twice/);
  });

  it('rejects a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    await expect(addDefinedNames(await zip.generateAsync({ type: 'nodebuffer' }), [])).rejects.toThrow(
      /xl\/workbook.xml is missing/,
    );
  });

  it('is dropped by exceljs on a re-save, which is why files with names are never re-saved', async () => {
    const out = await addDefinedNames(await workbookBuffer(), [{ name: 'RISKSCORE', formula: SCORE }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out as unknown as ExcelJS.Buffer);
    const resaved = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readDefinedNames(resaved)).not.toHaveProperty('RISKSCORE');
  });
});
