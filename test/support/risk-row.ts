/** A Risks sheet row in template column order, for fixtures: the narrative cells made from the risk's name. */
import type { CellValue } from '../../core/cells/cell.ts';
import { RISK_HEADERS } from '../../core/readers/headers.ts';

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

/** The template's Risks headers, then the transfer and review columns of PRODUCT §8. */
export const MANAGEMENT_RISK_HEADERS: readonly string[] = [
  ...RISK_HEADERS,
  'Transferred to',
  'Next review',
  'Review frequency',
];

export interface ManagementRiskFields extends RiskRowFields {
  readonly to?: CellValue;
  readonly next?: CellValue;
  readonly frequency?: CellValue;
}

/** A row under MANAGEMENT_RISK_HEADERS for a risk named `Risk <id>`. */
export function managementRiskRow(id: string, fields: ManagementRiskFields = {}): CellValue[] {
  return [
    ...riskRow(id, `Risk ${id}`, fields),
    fields.to ?? null,
    fields.next ?? null,
    fields.frequency ?? null,
  ];
}
