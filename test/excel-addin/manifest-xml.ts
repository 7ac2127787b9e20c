/** The add-in manifest as a tree, with element order kept (fast-xml-parser, preserveOrder). */
import { XMLParser } from 'fast-xml-parser';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: Ordered): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name === '#comment' || name === '?xml') return undefined;
  const raw = (node[name] as Ordered[]) ?? [];
  const attributes = Object.fromEntries(
    Object.entries(node[':@'] ?? {}).map(([key, value]) => [key.replace(/^@_/, ''), String(value)]),
  );
  const text = raw
    .filter((child) => '#text' in child)
    .map((child) => String(child['#text']))
    .join('')
    .trim();
  const children = raw.map(toElement).filter((child): child is XmlElement => child !== undefined);
  return { name, attributes, children, text };
}

export function parseManifest(xml: string): XmlElement {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    preserveOrder: true,
    commentPropName: '#comment',
  });
  const nodes = parser.parse(xml) as Ordered[];
  const root = nodes.map(toElement).find((element) => element?.name === 'OfficeApp');
  if (!root) throw new Error('no OfficeApp element');
  return root;
}

/** Every element below `root` (depth first, document order). */
export function descendants(root: XmlElement): XmlElement[] {
  return root.children.flatMap((child) => [child, ...descendants(child)]);
}

/** Local name: `bt:Url` → `Url`. */
export function localName(element: XmlElement): string {
  return element.name.replace(/^.*:/, '');
}

export function named(root: XmlElement, name: string): XmlElement[] {
  return descendants(root).filter((element) => localName(element) === name);
}
