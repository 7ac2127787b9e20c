/** The typed rows the readers produce from the Risks and Assessments sheets. */
import type { IsoDate } from '../cells/cell.ts';
import type { Quarter } from '../quarters/quarter.ts';
import type { ReviewFrequency } from './review-frequency.ts';
import type { RiskStatus } from './risk-status.ts';

export type { RiskStatus };

export interface Risk {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The register's "Impact" column: narrative text, not the 1-5 level. */
  readonly impactNarrative: string;
  readonly controls: string;
  readonly owner: string;
  readonly status: RiskStatus;
  readonly dateRaised?: IsoDate;
  readonly dateClosed?: IsoDate;
  readonly closureRationale: string;
  readonly closureReported?: IsoDate;
  /** Where a Transferred risk went (`Transferred to`, or what its status says: `Escalated to portfolio`). */
  readonly transferredTo?: string;
  readonly nextReview?: IsoDate;
  readonly reviewFrequency?: ReviewFrequency;
  /** The register a merged risk came from (`Register`). */
  readonly register?: string;
  /** 0-based index of the row in the Risks grid, for addressing issues. */
  readonly row: number;
}

export interface Assessment {
  readonly riskId: string;
  readonly quarter: Quarter;
  readonly impact: number;
  readonly probability: number;
  readonly commentary: string;
  /** 0-based index of the row in the Assessments grid. */
  readonly row: number;
  /** For a quarter after the risk's closed quarter or before its raised one (warned at the cell): it never picks the quarter reported. */
  readonly stray?: true;
}
