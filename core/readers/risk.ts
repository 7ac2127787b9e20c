/** The typed rows the readers produce from the Risks and Assessments sheets. */
import type { IsoDate } from '../cells/cell.ts';
import type { Quarter } from '../quarters/quarter.ts';
import type { ReviewFrequency } from './review-frequency.ts';
import type { RiskStatus } from './risk-status.ts';

export type { RiskStatus };

/**
 * One assessment of a risk: impact and probability (so a score), or a rating alone in a
 * ratings-only register (PRODUCT §8). Levels are both given or both absent.
 */
export interface Rated {
  readonly impact?: number;
  readonly probability?: number;
  /** Index into the matrix's ratings, 0 = least severe. */
  readonly severity: number;
}

/** The most an organisation accepts for a risk: a score, or a rating (PRODUCT §8). */
export type Appetite =
  | { readonly kind: 'score'; readonly score: number }
  | { readonly kind: 'rating'; readonly rating: string; readonly severity: number };

/** The inherent and target assessments and the target date a row may give (Risks: every quarter; Assessments: its own). */
export interface GroupAssessments {
  readonly inherent?: Rated;
  readonly target?: Rated;
  readonly targetDate?: IsoDate;
}

export interface Risk extends GroupAssessments {
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
  /** From the Appetite column; the matrix's appetite for the category (or its default) applies when absent. */
  readonly appetite?: Appetite;
  readonly category?: string;
  /** 0-based index of the row in the Risks grid, for addressing issues. */
  readonly row: number;
}

/** A residual assessment (PRODUCT §2's Impact and Probability, or a Rating alone), with the quarter's inherent and target when given. */
export interface Assessment extends Rated, GroupAssessments {
  readonly riskId: string;
  readonly quarter: Quarter;
  readonly commentary: string;
  /** 0-based index of the row in the Assessments grid. */
  readonly row: number;
  /** For a quarter after the risk's closed quarter or before its raised one (warned at the cell): it never picks the quarter reported. */
  readonly stray?: true;
}
