/**
 * The risk matrix as data (PRODUCT §3). `MatrixSpec` is the JSON form users write;
 * `RiskMatrix` is the checked form every calculation uses.
 */

export interface MatrixLevel {
  readonly value: number;
  readonly label: string;
  readonly description: string;
  /** Impact levels: the descriptor per impact category (Service, Finance, …), in display order. */
  readonly categories?: Readonly<Record<string, string>>;
  /** Probability levels: e.g. `80% or more`. */
  readonly chance?: string;
  /** Probability levels: relative frequency, e.g. `More than once a year`. */
  readonly frequency?: string;
}

export interface MatrixRating {
  readonly name: string;
  /** Fill colour, `#RRGGBB`. */
  readonly colour: string;
  /** Text colour on that fill, `#RRGGBB`; derived from the fill's lightness when absent. */
  readonly fontColour?: string;
}

export interface MatrixBand {
  readonly rating: string;
  readonly min: number;
  readonly max: number;
}

export interface MatrixSpec {
  readonly name: string;
  readonly impact: readonly MatrixLevel[];
  readonly probability: readonly MatrixLevel[];
  /** Least to most severe. */
  readonly ratings: readonly MatrixRating[];
  readonly bands?: readonly MatrixBand[];
  /** `grid[probability - 1][impact - 1]` names the rating; wins over bands. */
  readonly grid?: readonly (readonly string[])[];
}

/** A checked matrix: every cell of the grid resolved to a rating once, up front. */
export interface RiskMatrix {
  readonly spec: MatrixSpec;
  /** Impact levels run 1..impactLevels. */
  readonly impactLevels: number;
  /** Probability levels run 1..probabilityLevels. */
  readonly probabilityLevels: number;
  /** `ratingIndex[probability - 1][impact - 1]` is an index into `spec.ratings` (0 = least severe). */
  readonly ratingIndex: readonly (readonly number[])[];
}
