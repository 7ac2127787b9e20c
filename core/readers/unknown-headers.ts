/**
 * Headers that look like a column the reader knows but are not one of its names (issue #18):
 * "Current state" beside no Status column leaves every risk Open, silently. When a header of the
 * header row holds a word of a known column that was not found, say so at that cell.
 */
import { a1 } from '../cells/cell.ts';
import { normaliseHeader } from '../cells/header-key.ts';
import type { Issue } from '../issues/issue.ts';
import { issueWarning } from '../issues/issue.ts';
import type { ColumnSpec } from './headers.ts';

/** Words that give a column away (normalised), each with the columns whose names hold it. */
const TELLING_WORDS = [
  'status',
  'closed',
  'closure',
  'impact',
  'probability',
  'likelihood',
  'quarter',
  'period',
  'score',
  'rating',
  'owner',
  'raised',
  'rationale',
  'reported',
  'controls',
  'commentary',
  'description',
];

/**
 * A warning for each header that is not read but contains a telling word of a column that was
 * not found, naming that column and its accepted headers.
 * @example unrecognisedHeaders('Risks', 0, ['ID', 'Current state of play'], found, RISK_COLUMNS) // [] ('state' tells nothing)
 */
export function unrecognisedHeaders<K extends string>(
  sheet: string,
  headerRow: number,
  texts: readonly string[],
  found: ReadonlyMap<K, number>,
  specs: readonly ColumnSpec<K>[],
): Issue[] {
  const read = new Set(found.values());
  const missing = specs.filter((spec) => !found.has(spec.key));
  const issues: Issue[] = [];
  texts.forEach((text, column) => {
    if (read.has(column)) return;
    const normal = normaliseHeader(text ?? '');
    if (normal === '') return;
    for (const word of TELLING_WORDS) {
      if (!normal.includes(word)) continue;
      const spec = missing.find((s) =>
        [s.header, ...s.synonyms].some((name) => normaliseHeader(name).includes(word)),
      );
      if (!spec) continue;
      const names = [spec.header, ...spec.synonyms].map((name) => `"${name}"`).join(', ');
      issues.push(
        issueWarning(
          sheet,
          a1(headerRow, column),
          `the column "${text.trim()}" looks like ${spec.header} but is not read as it; head it ${names.replace(/, ([^,]*)$/, ' or $1')}`,
        ),
      );
      return;
    }
  });
  return issues;
}
