// The top-level functions Code.js declares, with the JSDoc Sheets reads: derived, never re-stated.
import { RISK_FUNCTIONS, RISK_FUNCTION_DOCS } from '../core/index.ts';
import { MATRIX_FUNCTIONS, SCORING_PARAMETER } from './function-parameters.ts';
import { MENU_ITEMS, MENU_TITLE, type MenuFunction } from './menu.ts';

export interface GlobalParameter {
  readonly name: string;
  /** JSDoc type, as Sheets shows it in the formula help. */
  readonly type: string;
  readonly description: string;
}

export interface GlobalFunction {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly GlobalParameter[];
  readonly returns?: string;
  /** Marks a custom function: Sheets offers it in formulas. */
  readonly customFunction: boolean;
}

const RANGE_TYPE = 'number|number[][]';

/** What each menu item does, for its declaration's JSDoc: build time only, never in the script. */
const MENU_DESCRIPTIONS: Readonly<Record<MenuFunction, string>> = {
  generateQuarterlyRegister:
    'writes the register, closed risks, movement, heat map, trend key and scoring guidance sheets.',
  validateRegister: 'lists every problem, by cell, on a "Validation issues" sheet; the data is not changed.',
  setUpSheets:
    'adds the Risks, Assessments and Scoring sheets that are missing, and their rules and formulas.',
};

/** Every global the bundle binds; build-apps-script.mjs writes one declaration per entry. */
export const GLOBAL_FUNCTIONS: readonly GlobalFunction[] = [
  ...RISK_FUNCTIONS.map((fn) => ({ ...RISK_FUNCTION_DOCS[fn.name], name: fn.name })).map((fn) => ({
    name: fn.name,
    description: fn.description,
    parameters: [
      ...fn.parameters.map((p) => ({ name: p.name, type: RANGE_TYPE, description: p.description })),
      ...(MATRIX_FUNCTIONS.has(fn.name) ? [{ ...SCORING_PARAMETER, type: 'string[][]' }] : []),
    ],
    returns: fn.returns,
    customFunction: true,
  })),
  {
    name: 'onOpen',
    description: 'Simple trigger: adds the Risk register menu when the spreadsheet opens.',
    parameters: [{ name: 'e', type: 'Object', description: 'The open event.' }],
    customFunction: false,
  },
  {
    name: 'onEdit',
    description:
      'Simple trigger: re-checks the edited rows of Risks and Assessments and restores their rules.',
    parameters: [{ name: 'e', type: 'Object', description: 'The edit event; only e.range is used.' }],
    customFunction: false,
  },
  ...MENU_ITEMS.map(([caption, functionName]) => ({
    name: functionName,
    description: `Menu ${MENU_TITLE} › ${caption.replace(/…$/, '')}: ${MENU_DESCRIPTIONS[functionName]}`,
    parameters: [],
    customFunction: false,
  })),
];
