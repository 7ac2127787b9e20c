/** A Risks sheet row in template column order, for fixtures: the narrative cells made from the risk's name. */
import type { CellValue } from '../../core/cells/cell.ts';

export interface RiskRowFields {
  readonly status?: CellValue;
  readonly raised?: CellValue;
  readonly closed?: CellValue;
  readonly rationale?: CellValue;
  readonly reported?: CellValue;
}

/**
 * ID, name, `<name> description`, `<name> impact`, `<name> controls`, Owner, then the status
 * (Open unless given) and the dates and rationale given, blank otherwise.
 */
export function riskRow(id: string, name: string, fields: RiskRowFields = {}): CellValue[] {
  return [
    id,
    name,
    `${name} description`,
    `${name} impact`,
    `${name} controls`,
    'Owner',
    fields.status ?? 'Open',
    fields.raised ?? null,
    fields.closed ?? null,
    fields.rationale ?? null,
    fields.reported ?? null,
  ];
}
