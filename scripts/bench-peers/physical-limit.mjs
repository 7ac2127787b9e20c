// The physical limit of `generate` on this machine, for the bench (docs/performance.md): the least
// work the same job needs — read the file, inflate its parts, scan the cells' bytes, build a
// rating per risk and quarter, serialize a register-sized sheet, deflate it and write the file —
// written plainly, with no checks, no styles beyond one, and no care for anything a real register
// needs. Usage: node scripts/bench-peers/physical-limit.mjs INPUT.xlsx OUTPUT.xlsx
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const [input, output] = process.argv.slice(2);

// 1. Read the file and list its zip entries from the central directory.
const file = readFileSync(input);
const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const entryCount = file.readUInt16LE(end + 10);
const entries = new Map();
for (let i = 0, at = file.readUInt32LE(end + 16); i < entryCount; i++) {
  const nameLength = file.readUInt16LE(at + 28);
  const name = file.toString('utf8', at + 46, at + 46 + nameLength);
  entries.set(name, {
    method: file.readUInt16LE(at + 10),
    compressed: file.readUInt32LE(at + 20),
    size: file.readUInt32LE(at + 24),
    offset: file.readUInt32LE(at + 42),
  });
  at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
}

// 2. Inflate a part, into one buffer of the size the directory gives.
function part(name) {
  const entry = entries.get(name);
  const start =
    entry.offset + 30 + file.readUInt16LE(entry.offset + 26) + file.readUInt16LE(entry.offset + 28);
  const data = file.subarray(start, start + entry.compressed);
  return entry.method === 0 ? data : inflateRawSync(data, { chunkSize: Math.max(entry.size, 64 * 1024) });
}

// 3. Scan bytes: shared strings, then each sheet's cells as rows of strings and numbers.
const LT = 0x3c;
function decode(bytes, from, to) {
  const text = bytes.toString('utf8', from, to);
  return text.includes('&')
    ? text.replace(
        /&(amp|lt|gt|quot|apos);/g,
        (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e],
      )
    : text;
}
const strings = [];
if (entries.has('xl/sharedStrings.xml')) {
  const xml = part('xl/sharedStrings.xml');
  for (let at = xml.indexOf('<si>'); at >= 0; at = xml.indexOf('<si>', at + 4)) {
    const t = xml.indexOf('>', xml.indexOf('<t', at)) + 1;
    strings.push(decode(xml, t, xml.indexOf('</t>', t)));
  }
}
// Sheet paths by name, from the workbook part and its relationships.
const workbook = part('xl/workbook.xml').toString();
const rels = part('xl/_rels/workbook.xml.rels').toString();
function sheetRows(sheetName) {
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)[1];
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)[1];
  const xml = part(`xl/${target.replace(/^\/?xl\//, '')}`);
  const rows = [];
  let row = null;
  for (let at = xml.indexOf('<sheetData'); at >= 0 && at < xml.length;) {
    at = xml.indexOf(LT, at + 1);
    if (at < 0) break;
    const b = xml[at + 1];
    if (b === 0x72 /* r */ && xml[at + 2] === 0x6f /* <row */) rows.push((row = []));
    else if (b === 0x63 /* c */ && xml[at + 2] === 0x20) {
      // <c r="B7" s="1" t="s"><v>12</v></c>: the column from r, the type from t, the value from v.
      let col = 0;
      let p = xml.indexOf(0x22, at) + 1; // the r attribute comes first
      while (xml[p] >= 0x41) col = col * 26 + xml[p++] - 0x40;
      const close = xml.indexOf(0x3e, at);
      const shared = xml.lastIndexOf('t="s"', close) > at;
      if (xml[close - 1] === 0x2f) continue; // <c .../>: empty
      const v = xml.indexOf('<v>', close);
      const value = xml.toString('latin1', v + 3, xml.indexOf('</v>', v));
      row[col - 1] = shared ? strings[+value] : +value;
    } else if (b === 0x2f && xml[at + 2] === 0x73 /* </sheetData> */) break;
  }
  return rows;
}
const risks = sheetRows('Risks');
const assessments = sheetRows('Assessments');

// Build: each risk's rating per quarter (impact × probability banded), quarters in order seen.
const quarters = [];
const ratings = new Map();
for (const [id, quarter, impact, probability] of assessments.slice(1)) {
  if (!quarters.includes(quarter)) quarters.push(quarter);
  const score = impact * probability;
  const rating = score >= 20 ? 'Critical' : score >= 12 ? 'High' : score >= 5 ? 'Medium' : 'Low';
  (ratings.get(id) ?? ratings.set(id, []).get(id))[quarters.indexOf(quarter)] = rating;
}

// 4. Serialize a register-sized sheet: per risk its ID, name, description, impact text, controls,
// a rating per quarter and the current one, as shared strings, one style.
const out = [];
const index = new Map();
const sst = [];
const escape = (s) =>
  /[&<>"]/.test(s)
    ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    : s;
const ref = (s) => {
  let i = index.get(s);
  if (i === undefined) index.set(s, (i = sst.push(s) - 1));
  return i;
};
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let chunk =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
risks.slice(1).forEach((risk, r) => {
  const cells = [
    risk[0],
    risk[1],
    risk[2],
    risk[3],
    risk[4],
    ...(ratings.get(risk[0]) ?? []),
    (ratings.get(risk[0]) ?? []).at(-1),
  ];
  chunk += `<row r="${r + 1}">`;
  cells.forEach((value, c) => {
    if (value !== undefined && value !== null)
      chunk += `<c r="${letters[c]}${r + 1}" s="1" t="s"><v>${ref(String(value))}</v></c>`;
  });
  chunk += '</row>';
  if (chunk.length > 1 << 16) {
    out.push(Buffer.from(chunk));
    chunk = '';
  }
});
out.push(Buffer.from(`${chunk}</sheetData></worksheet>`));
const sheet = Buffer.concat(out);
const sharedStrings = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('')}</sst>`,
);

// 5. Deflate (level 1, as the CLI's writer) and 6. write the zip.
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const parts = [
  [
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  ],
  [
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ],
  [
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ],
  [
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  ],
  [
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf fontId="0" fillId="0" borderId="0"/><xf fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs></styleSheet>`,
  ],
  ['xl/worksheets/sheet1.xml', sheet],
  ['xl/sharedStrings.xml', sharedStrings],
];
const zip = [];
const directory = [];
let offset = 0;
for (const [name, content] of parts) {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const deflated = deflateRawSync(data, { level: 1 });
  const nameBytes = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(deflated.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  header.copy(central, 10, 8, 26); // method, time, date, CRC, sizes
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(offset, 42);
  directory.push(central, nameBytes);
  zip.push(header, nameBytes, deflated);
  offset += 30 + nameBytes.length + deflated.length;
}
const directorySize = directory.reduce((n, b) => n + b.length, 0);
const tail = Buffer.alloc(22);
tail.writeUInt32LE(0x06054b50, 0);
tail.writeUInt16LE(parts.length, 8);
tail.writeUInt16LE(parts.length, 10);
tail.writeUInt32LE(directorySize, 12);
tail.writeUInt32LE(offset, 16);
writeFileSync(output, Buffer.concat([...zip, ...directory, tail]));
