// The report's xl/styles.xml: each distinct plan cell style (and conditional-format style) made
// once into fonts, fills, borders, number formats and a cell format (xf) index the cells refer to.
import type { CellStyle } from '../../core/index.ts';
import { DEFAULT_DATE_FORMAT } from '../../core/index.ts';
import { escapeXml } from '../xml-text.ts';
import { argb } from '../render-plan.ts';

/** The first number format id a workbook may define; lower ones are Excel's built-in formats. */
const FIRST_CUSTOM_FORMAT = 164;

/** Calibri 11 in the theme's text colour: the font of every cell that names none. */
const DEFAULT_FONT =
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';
const THIN = '<color rgb="FF000000"/>';
const THIN_BOX = `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`;
const NO_BORDER = '<border><left/><right/><top/><bottom/><diagonal/></border>';

/** One table of distinct XML fragments, numbered in order of first use. */
class Numbered {
  readonly items: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(initial: readonly string[] = []) {
    for (const item of initial) this.id(item);
  }

  id(item: string): number {
    let id = this.ids.get(item);
    if (id === undefined) {
      id = this.items.length;
      this.ids.set(item, id);
      this.items.push(item);
    }
    return id;
  }
}

export class StyleTable {
  private readonly fonts = new Numbered([DEFAULT_FONT]);
  private readonly fills = new Numbered([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Numbered([NO_BORDER]);
  private readonly formats = new Map<string, number>();
  private readonly cellFormats = new Numbered([
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ]);
  private readonly differential: string[] = [];
  /** Plan styles are shared objects: most cells find their index by identity. */
  private readonly byObject = new WeakMap<CellStyle, number>();
  private readonly byObjectDate = new WeakMap<CellStyle, number>();
  private plainDate: number | undefined;

  /** The cell format index of a cell with `style` (and a date value or not); 0 is the default. */
  cellFormat(style: CellStyle | undefined, isDate: boolean): number {
    if (!style) return isDate ? (this.plainDate ??= this.cellFormatOf({}, true)) : 0;
    const map = isDate ? this.byObjectDate : this.byObject;
    let id = map.get(style);
    if (id === undefined) {
      id = this.cellFormatOf(style, isDate);
      map.set(style, id);
    }
    return id;
  }

  /** The index of a conditional format's style among the differential formats (dxfs). */
  differentialFormat(style: CellStyle): number {
    const font = fontElements(style, false);
    this.differential.push(
      `<dxf>${font ? `<font>${font}</font>` : ''}${style.fill ? solidFill(style.fill) : ''}${style.border ? THIN_BOX : ''}</dxf>`,
    );
    return this.differential.length - 1;
  }

  /** xl/styles.xml for every style asked for so far. */
  xml(): string {
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const formats = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length > 0 ? list('numFmts', formats) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.cellFormats.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.differential) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }

  private cellFormatOf(style: CellStyle, isDate: boolean): number {
    const font = fontElements(style, true);
    const fontId = font ? this.fonts.id(`<font>${font}</font>`) : 0;
    const fillId = style.fill ? this.fills.id(solidFill(style.fill)) : 0;
    const borderId = style.border ? this.borders.id(THIN_BOX) : 0;
    const code = style.numberFormat ?? (isDate ? DEFAULT_DATE_FORMAT : undefined);
    const formatId = code === undefined || code === 'General' ? 0 : this.formatId(code);
    const alignment = alignmentOf(style);
    const xf =
      `<xf numFmtId="${formatId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (formatId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (alignment ? ` applyAlignment="1"><alignment${alignment}/></xf>` : '/>');
    return this.cellFormats.id(xf);
  }

  private formatId(code: string): number {
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }
}

/**
 * The font elements a style asks for, or '' when it names no font. A cell font replaces the
 * default one whole, so it names the face too (or some readers fall back to another); a
 * conditional format's font changes only what it names.
 */
function fontElements(style: CellStyle, whole: boolean): string {
  if (!style.bold && !style.italic && style.fontSize === undefined && !style.fontColour) return '';
  const size = style.fontSize ?? (whole ? 11 : undefined);
  return (
    (style.bold ? '<b/>' : '') +
    (style.italic ? '<i/>' : '') +
    (style.fontColour ? `<color rgb="${argb(style.fontColour)}"/>` : '') +
    (whole ? '<family val="2"/>' : '') +
    (size !== undefined ? `<sz val="${size}"/>` : '') +
    (whole ? '<name val="Calibri"/>' : '')
  );
}

/** Cell fills read fgColor; conditional-format (dxf) fills read bgColor: both are set. */
function solidFill(colour: string): string {
  const rgb = argb(colour);
  return `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor rgb="${rgb}"/></patternFill></fill>`;
}

function alignmentOf(style: CellStyle): string {
  if (!style.wrap && !style.horizontal && !style.vertical) return '';
  const vertical = style.vertical === 'middle' ? 'center' : style.vertical;
  return (
    (style.horizontal ? ` horizontal="${style.horizontal}"` : '') +
    (vertical ? ` vertical="${vertical}"` : '') +
    (style.wrap ? ' wrapText="1"' : '')
  );
}
