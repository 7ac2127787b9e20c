// Reads a part's relationships (`_rels/*.rels`) and resolves their targets to zip entry names.
import { normalisePartName } from './zip-entries.ts';
import { attribute, parseXmlPart } from './xml-events.ts';

export interface Relationship {
  readonly id: string;
  /** The relationship type URI; compare its last segment (`/worksheet`), which strict and transitional share. */
  readonly type: string;
  /** The target as a zip entry name, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
}

/** `xl/workbook.xml` keeps its relationships in `xl/_rels/workbook.xml.rels`; the package in `_rels/.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function decodeTarget(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/**
 * A relationship target as an entry name. Absolute targets (`/xl/worksheets/sheet1.xml`, as
 * some SDK-based writers emit) start at the package root; relative ones at the source part's
 * folder, with `.` and `..` segments resolved.
 * @example resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml') // 'xl/worksheets/sheet1.xml'
 * @example resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml') // 'xl/worksheets/sheet1.xml'
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = decodeTarget(target).replace(/\\/g, '/');
  const base = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return normalisePartName(base.join('/'));
}

/** The internal relationships of `sourcePart`, read from its .rels bytes (external links are skipped). */
export function parseRelationships(sourcePart: string, bytes: Uint8Array | undefined): Relationship[] {
  const found: Relationship[] = [];
  if (!bytes) return found;
  parseXmlPart(relationshipsPartOf(sourcePart), bytes, {
    open(tag) {
      if (tag.local !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id === undefined || target === undefined) return;
      if (attribute(tag, 'TargetMode')?.toLowerCase() === 'external') return;
      found.push({ id, type: attribute(tag, 'Type') ?? '', part: resolveTarget(sourcePart, target) });
    },
  });
  return found;
}

/** True when the relationship type URI ends in `/kind` (`worksheet`, `sharedStrings`, `styles`, ...). */
export function isType(relationship: Relationship, kind: string): boolean {
  return relationship.type.endsWith(`/${kind}`);
}
