/**
 * The .xlsx reader's memory cases (issue #18), as whole `risk-register validate` processes:
 * a sheet formatted down to row 1,048,576 in 22 columns (Excel writes every formatted cell),
 * a 200 MB shared-strings table, and a decompression bomb (600 MB of shared strings in about
 * 620 KB). The workbooks are written here, part by part, never held as text. Needs
 * `npm run build:cli`. Run alone: `npm run bench -- --only reader`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targetRow, type BenchRow } from './bench-budget.ts';
import {
  formattedSheet,
  sharedStringsTable,
  streamedZip,
  workbookParts,
} from '../test/support/streamed-xlsx.ts';

const LAST_ROW = 1_048_576;

interface Run {
  readonly ms: number;
  readonly peakMb: number;
  readonly code: number;
  readonly stderr: string;
}

/** `node bin/risk-register.mjs validate FILE --json` as a child process: wall time, peak RSS, exit code. */
function validate(file: string): Run {
  const timed = existsSync('/usr/bin/time');
  const args = ['bin/risk-register.mjs', 'validate', file, '--json'];
  const start = performance.now();
  const child = timed
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Math.round(performance.now() - start);
  const lines = child.stderr.trim().split('\n');
  const kb = timed ? Number(lines.pop()) : NaN;
  return {
    ms,
    peakMb: Number.isFinite(kb) ? Math.round(kb / 1024) : -1,
    code: child.status ?? -1,
    stderr: lines.join('\n'),
  };
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

const HEADERS = ['ID', 'Risk name', 'Status'];
const risk = (i: number) => [`CRR${i}`, `Risk ${i}`, 'Open'];
const ASSESSMENTS = [
  ['Risk ID', 'Quarter', 'Impact', 'Probability'],
  ...Array.from({ length: 20 }, (_, i) => [`CRR${i + 1}`, 'Q2 2022/23', 3, 2]),
];

/** Excel's way of formatting A:V down to the last row, on Risks; 20 risks. */
function formattedWorkbook(file: string): void {
  const risks = [HEADERS, ...Array.from({ length: 20 }, (_, i) => risk(i + 1))];
  writeFileSync(
    file,
    streamedZip(
      workbookParts(
        [
          { name: 'Risks', xml: formattedSheet(risks, 22, LAST_ROW) },
          { name: 'Assessments', xml: formattedSheet(ASSESSMENTS, 4, ASSESSMENTS.length) },
        ],
        { 'xl/sharedStrings.xml': sharedStringsTable(0, () => '') },
      ),
    ),
  );
}

/** About 200 MB of distinct shared strings (risk descriptions), of which the sheets use a few. */
function bigStringsWorkbook(file: string): void {
  const count = 1_600_000;
  const text = (i: number) =>
    `Description ${i}: ${(i * 2654435761) % 1_000_003} supplier failure at site ${i % 977}, controls reviewed ${i % 31} times, owner team ${(i * 7) % 113}`;
  const risks = [HEADERS, ...Array.from({ length: 20 }, (_, i) => risk(i + 1))];
  writeFileSync(
    file,
    streamedZip(
      workbookParts(
        [
          { name: 'Risks', xml: formattedSheet(risks, 3, risks.length) },
          { name: 'Assessments', xml: formattedSheet(ASSESSMENTS, 4, ASSESSMENTS.length) },
        ],
        { 'xl/sharedStrings.xml': sharedStringsTable(count, text) },
      ),
    ),
  );
}

/** 600 MB of one repeated shared string, deflated hard: about 620 KB on disk. */
function bombWorkbook(file: string): void {
  writeFileSync(
    file,
    streamedZip(
      workbookParts([{ name: 'Risks', xml: formattedSheet([HEADERS, risk(1)], 3, 2) }], {
        'xl/sharedStrings.xml': sharedStringsTable(25_000_000, () => 'abcdefg'),
      }),
      {},
      9,
    ),
  );
}

export function readerRows(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'risk-register-bench-reader-'));
  const rows: BenchRow[] = [];
  try {
    const formatted = join(dir, 'formatted-to-last-row.xlsx');
    formattedWorkbook(formatted);
    const f = validate(formatted);
    rows.push(
      targetRow(
        'reader',
        `validate, Risks formatted to row ${LAST_ROW.toLocaleString('en-GB')} in 22 columns (${mb(statSync(formatted).size)} MB file)`,
        `${f.ms.toLocaleString('en-GB')} ms, ${f.peakMb} MB, exit ${f.code}`,
        '< 30 s, < 1 GB (aim 10 s, 300 MB)',
        f.code === 0 && f.ms < 30_000 && f.peakMb < 1024,
        { ms: f.ms, peakMb: f.peakMb },
      ),
    );

    const strings = join(dir, 'big-shared-strings.xlsx');
    bigStringsWorkbook(strings);
    const s = validate(strings);
    rows.push(
      targetRow(
        'reader',
        `validate, a 200 MB shared-strings table (${mb(statSync(strings).size)} MB file)`,
        `${s.ms.toLocaleString('en-GB')} ms, ${s.peakMb} MB, exit ${s.code}`,
        '< 1 GB',
        s.code === 0 && s.peakMb < 1024,
        { ms: s.ms, peakMb: s.peakMb },
      ),
    );

    const bomb = join(dir, 'bomb.xlsx');
    bombWorkbook(bomb);
    const b = validate(bomb);
    rows.push(
      targetRow(
        'reader',
        `validate, shared strings inflating to 600 MB from ${Math.round(statSync(bomb).size / 1024)} KB (a bomb)`,
        `${b.ms.toLocaleString('en-GB')} ms, ${b.peakMb} MB, exit ${b.code}: ${b.stderr.split('\n')[0]?.slice(0, 90) ?? ''}…`,
        'exit 2, one line, naming the part',
        b.code === 2 && /sharedStrings\.xml/.test(b.stderr),
        { ms: b.ms, peakMb: b.peakMb },
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
