/**
 * What a user reads about RISKSCORE, RISKRATING and RISKTREND — the description, each parameter
 * and the result — for the Apps Script JSDoc, Excel's functions.json and the LAMBDA names'
 * comments. Kept apart from the function table so a bundle that only runs the functions (every
 * Sheets custom-function call loads its whole script) does not carry the help text.
 */
import type { RiskFunctionName } from './functions.ts';

export interface RiskFunctionParameterDoc {
  readonly name: string;
  readonly description: string;
}

export interface RiskFunctionDoc {
  readonly description: string;
  /** In the order the function takes them (RISK_FUNCTIONS' parameters). */
  readonly parameters: readonly RiskFunctionParameterDoc[];
  /** What one cell of the result holds, for help text and `@returns`. */
  readonly returns: string;
}

const LEVEL_PARAMETERS: readonly RiskFunctionParameterDoc[] = [
  {
    name: 'impact',
    description: 'Impact level, a whole number within the matrix (1-5 by default); a cell or a range.',
  },
  {
    name: 'probability',
    description: 'Probability level, a whole number within the matrix (1-5 by default); a cell or a range.',
  },
];

export const RISK_FUNCTION_DOCS: Readonly<Record<RiskFunctionName, RiskFunctionDoc>> = {
  RISKSCORE: {
    description:
      'Risk score: impact × probability. A matrix with ratings only (R/A/G) has no levels: give a rating instead.',
    parameters: LEVEL_PARAMETERS,
    returns: 'The score, blank when an argument is blank.',
  },
  RISKRATING: {
    description:
      "Risk rating (e.g. Low, Medium, High, Critical) of an impact and probability, from the workbook's matrix. A matrix with ratings only (R/A/G) has no levels: type the rating itself.",
    parameters: LEVEL_PARAMETERS,
    returns: 'The rating name, blank when an argument is blank.',
  },
  RISKTREND: {
    description:
      'Trend from the previous score or rating to the current one: ↑ worse, ↓ better, ↔ unchanged, New without a previous one. Two rating names compare by the matrix order (RISKTREND("Amber","Red") is ↑).',
    parameters: [
      {
        name: 'previous',
        description: "Last quarter's score or rating name (blank for a new risk); a cell or a range.",
      },
      { name: 'current', description: "This quarter's score or rating name; a cell or a range." },
    ],
    returns: '↑, ↓, ↔ or New; blank when the current score is blank.',
  },
};
