// Reads the shared string table (xl/sharedStrings.xml) that `t="s"` cells index into, chunk by chunk.
import { NEED_MORE, NOT_MINE, PartScanner } from './part-scanner.ts';
import { findClose } from './sheet-cells.ts';
import { readTextItem } from './text-item.ts';
import { GT } from './xml-bytes.ts';

/**
 * Every `<si>` in order, as plain text (rich runs joined, phonetic runs dropped, escapes decoded).
 * The table is read whole before any sheet, since any cell may point anywhere into it; what is
 * kept is the strings' text, never the part's XML (a 200 MB table keeps about its text's size).
 */
export class SharedStringsScanner extends PartScanner {
  readonly strings: string[] = [];
  private SI: Buffer = Buffer.alloc(0);
  private closeSi: Buffer = Buffer.alloc(0);

  protected override rootRead(): void {
    this.SI = this.name('si');
    this.closeSi = Buffer.concat([Buffer.from('</'), this.SI]);
  }

  protected override element(lt: number, to: number, gt: number, selfClosing: boolean): number {
    if (!this.isElement(lt + 1, to, this.SI)) return NOT_MINE;
    if (selfClosing) {
      this.strings.push('');
      return gt + 1;
    }
    const close = findClose(this.buf, gt + 1, this.closeSi);
    if (close < 0) return NEED_MORE;
    this.strings.push(readTextItem(this.buf, gt + 1, close, this.prefix));
    return this.buf.indexOf(GT, close) + 1;
  }
}
