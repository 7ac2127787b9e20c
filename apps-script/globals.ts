// The top-level functions Code.js declares, with the JSDoc Sheets reads: derived, never re-stated.
// Build time only (scripts/build-apps-script.mjs, npm run verify): none of it reaches the script.
import {
  RISK_FUNCTIONS,
  RISK_FUNCTION_DOCS,
  type RiskFunction,
  type RiskFunctionDoc,
  type RiskFunctionName,
} from '../core/index.ts';
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
  /** The bundle's function the declaration calls, when not its own name (the add-on's onOpen). */
  readonly forwardsTo?: string;
}

/** Where a declaration forwards to within the bundle's global (apps-script/main.ts). */
export const CUSTOM_FUNCTIONS_KEY = 'customFunctions';

/**
 * The argument a function that reads the matrix takes after its own in Sheets (see
 * customFunction in functions.ts).
 */
export const SCORING_PARAMETER: GlobalParameter = {
  name: 'scoring',
  type: 'string[][]',
  description:
    'Optional: the Scoring sheet from A1 (e.g. Scoring!$A$1:$K$31), so results follow edits of the matrix. Without it the Scoring sheet is read when the function runs.',
};

const RANGE_TYPE = 'number|number[][]';

/** What each menu item does, for its declaration's JSDoc: build time only, never in the script. */
const MENU_DESCRIPTIONS: Readonly<Record<MenuFunction, string>> = {
  generateQuarterlyRegister:
    'writes the register, closed risks, movement, heat map, trend key and scoring guidance sheets.',
  validateRegister: 'lists every problem, by cell, on a "Validation issues" sheet; the data is not changed.',
  setUpSheets:
    'adds the Risks, Assessments and Scoring sheets that are missing, and their rules and formulas.',
};

type FunctionDocs = Readonly<Record<RiskFunctionName, RiskFunctionDoc>>;

/** One custom function per entry of a function table, documented from its docs. */
export function customFunctionGlobals(
  functions: readonly RiskFunction[],
  docs: FunctionDocs,
): GlobalFunction[] {
  return functions.map((fn) => {
    const doc: RiskFunctionDoc | undefined = docs[fn.name];
    if (!doc) throw new Error(`${fn.name} has no entry in RISK_FUNCTION_DOCS`);
    return {
      name: fn.name,
      description: doc.description,
      parameters: [
        ...fn.parameters.map((name, index) => ({
          name,
          type: RANGE_TYPE,
          description: doc.parameters[index]?.description ?? '',
        })),
        ...(fn.readsMatrix ? [SCORING_PARAMETER] : []),
      ],
      returns: doc.returns,
      customFunction: true,
    };
  });
}

/** Every global of Code.js for a function table: its custom functions, the triggers, the menu's. */
export function globalFunctionsOf(functions: readonly RiskFunction[], docs: FunctionDocs): GlobalFunction[] {
  return [
    ...customFunctionGlobals(functions, docs),
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
}

/** Every global the bundle binds; build-apps-script.mjs writes one declaration per entry. */
export const GLOBAL_FUNCTIONS: readonly GlobalFunction[] = globalFunctionsOf(
  RISK_FUNCTIONS,
  RISK_FUNCTION_DOCS,
);

/**
 * The Editor add-on's globals (`npm run build:sheets-addon`): the same functions, but onOpen adds
 * the items under Extensions (createAddonMenu), and onInstall does the same the moment a user
 * installs the add-on, as Google's Editor add-on guide asks, so the menu shows without a reload.
 */
export const ADDON_GLOBAL_FUNCTIONS: readonly GlobalFunction[] = GLOBAL_FUNCTIONS.flatMap((fn) =>
  fn.name === 'onOpen'
    ? [
        {
          ...fn,
          description:
            'Simple trigger: adds the Risk register items under Extensions when the spreadsheet opens.',
          forwardsTo: 'onAddonOpen',
        },
        {
          name: 'onInstall',
          description: 'Runs when a user installs the add-on: adds the Risk register items at once.',
          parameters: [{ name: 'e', type: 'Object', description: 'The install event.' }],
          customFunction: false,
          forwardsTo: 'onAddonOpen',
        },
      ]
    : [fn],
);

/** What the add-on's declarations call that the bound script's do not (the bundle binds both). */
export function addonTargets(): string[] {
  const bound = new Set(GLOBAL_FUNCTIONS.map((fn) => fn.forwardsTo ?? fn.name));
  return [
    ...new Set(
      ADDON_GLOBAL_FUNCTIONS.flatMap((fn) =>
        fn.forwardsTo && !bound.has(fn.forwardsTo) ? [fn.forwardsTo] : [],
      ),
    ),
  ];
}
