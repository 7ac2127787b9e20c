/**
 * RISKSCORE, RISKRATING and RISKTREND as Excel LAMBDA formulas, generated from a matrix, so a
 * workbook keeps working without the add-in (workbook names, Excel 365/2024/web).
 *
 * The bodies stick to functions every spreadsheet evaluates element-wise: IF, ISNUMBER, INT,
 * INDEX, arithmetic and comparison. AND/OR would collapse a range to one value, and
 * LET/XLOOKUP/SWITCH/IFS are unknown to LibreOffice, where the bodies are checked.
 */
import { RISK_FUNCTION_DOCS } from './function-docs.ts';
import { formulaString } from './formula-text.ts';
import { RISK_FUNCTIONS, TREND_ARROWS, type RiskFunctionName } from './functions.ts';
import { isRatingsOnlyMatrix, type RiskMatrix } from '../matrix/matrix.ts';

export interface LambdaDefinition {
  /** The workbook name, e.g. `RISKSCORE`. */
  readonly name: RiskFunctionName;
  readonly parameters: readonly string[];
  /** For the name's comment in Name Manager. */
  readonly description: string;
  /** The formula inside the LAMBDA, with the bare parameter names. */
  readonly body: string;
  /** As Excel shows it: `=LAMBDA(impact,probability,…)`. */
  readonly displayFormula: string;
  /** As stored in a `definedName` of `xl/workbook.xml`: `_xlfn.LAMBDA(_xlpm.impact,…)`, no leading `=`. */
  readonly fileFormula: string;
}

/** What a bad argument gives in a cell. LAMBDAs cannot carry a message, so only the code. */
const ERROR = '#VALUE!';

/** 1 when a non-blank argument is not a whole number within 1..levels, else 0 (blank is not bad). */
function badLevel(x: string, levels: number): string {
  const n = `--${x}`;
  return `IF(${x}="",0,IF(ISNUMBER(${n}),1-(INT(${n})=${n})*(${n}>=1)*(${n}<=${levels}),1))`;
}

/** Errors first, then blank when either is blank, then the value: the order RISKSCORE keeps. */
function guardLevels(matrix: RiskMatrix, impact: string, probability: string, value: string): string {
  const bad = `${badLevel(impact, matrix.impactLevels)}+${badLevel(probability, matrix.probabilityLevels)}`;
  return `IF(${bad},${ERROR},IF((${impact}="")+(${probability}=""),"",${value}))`;
}

/** The rating of every cell as an array constant, rows by probability and columns by impact. */
function ratingArray(matrix: RiskMatrix): string {
  const names = matrix.spec.ratings.map((rating) => formulaString(rating.name));
  return `{${matrix.ratingIndex.map((row) => row.map((index) => names[index]).join(',')).join(';')}}`;
}

/** A ratings-only matrix has no levels: blank stays blank, anything else is an error. */
function noLevels(): string {
  return `IF((impact="")*(probability=""),"",${ERROR})`;
}

/**
 * RISKTREND: two scores compare as numbers, two rating names by their position in the matrix's
 * ratings (a chain of IFs, since `=` ignores case and evaluates element-wise everywhere),
 * anything else is an error; a blank current gives a blank, a blank previous `New`.
 */
function trendBody(matrix: RiskMatrix): string {
  const severity = (x: string) =>
    matrix.spec.ratings.reduceRight(
      (rest, rating, index) => `IF(${x}=${formulaString(rating.name)},${index + 1},${rest})`,
      'NA()',
    );
  const arrow = (now: string, before: string) =>
    `IF(${now}>${before},${formulaString(TREND_ARROWS.up)},IF(${now}<${before},${formulaString(TREND_ARROWS.down)},${formulaString(TREND_ARROWS.same)}))`;
  const fromPrevious = (isKind: (x: string) => string, value: (x: string) => string) =>
    `IF(previous="",${formulaString(TREND_ARROWS.new)},IF(${isKind('previous')},${arrow(value('current'), value('previous'))},${ERROR}))`;
  const scores = fromPrevious(
    (x) => `ISNUMBER(--${x})`,
    (x) => `--${x}`,
  );
  const rated = fromPrevious((x) => `ISNUMBER(${severity(x)})`, severity);
  return `IF(current="","",IF(ISNUMBER(--current),${scores},IF(ISNUMBER(${severity('current')}),${rated},${ERROR})))`;
}

function bodyOf(name: RiskFunctionName, matrix: RiskMatrix): string {
  if (name !== 'RISKTREND' && isRatingsOnlyMatrix(matrix)) return noLevels();
  switch (name) {
    case 'RISKSCORE':
      return guardLevels(matrix, 'impact', 'probability', 'impact*probability');
    case 'RISKRATING':
      // The array holds the resolved rating of each cell, so grids and bands read alike.
      return guardLevels(
        matrix,
        'impact',
        'probability',
        `INDEX(${ratingArray(matrix)},--probability,--impact)`,
      );
    case 'RISKTREND':
      return trendBody(matrix);
  }
}

/**
 * Replaces names in formula text, outside string literals and never where a function is
 * called; `replace` returns undefined to keep a name.
 */
function replaceNames(formula: string, replace: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (end < formula.length) {
        if (formula[end] === '"') {
          if (formula[end + 1] === '"') end += 2;
          else break;
        } else end += 1;
      }
      out += formula.slice(i, end + 1);
      i = end + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i))![0];
      const called = formula[i + match.length] === '(';
      out += (called ? undefined : replace(match)) ?? match;
      i += match.length;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/**
 * The three functions as LAMBDA formulas for a matrix.
 * @example lambdaDefinitions(DEFAULT_MATRIX)[0].displayFormula // '=LAMBDA(impact,probability,IF(…))'
 * @example lambdaDefinitions(DEFAULT_MATRIX)[0].fileFormula // '_xlfn.LAMBDA(_xlpm.impact,_xlpm.probability,IF(…))'
 */
export function lambdaDefinitions(matrix: RiskMatrix): LambdaDefinition[] {
  return RISK_FUNCTIONS.map((fn) => {
    const parameters = [...fn.parameters];
    const body = bodyOf(fn.name, matrix);
    const fileBody = replaceNames(body, (name) => (parameters.includes(name) ? `_xlpm.${name}` : undefined));
    return {
      name: fn.name,
      parameters,
      description: RISK_FUNCTION_DOCS[fn.name].description,
      body,
      displayFormula: `=LAMBDA(${[...parameters, body].join(',')})`,
      fileFormula: `_xlfn.LAMBDA(${[...parameters.map((name) => `_xlpm.${name}`), fileBody].join(',')})`,
    };
  });
}

/**
 * The body with each parameter replaced by formula text (a cell reference, a literal), wrapped
 * in brackets so operators keep their precedence. How tests evaluate a LAMBDA in LibreOffice,
 * which cannot evaluate LAMBDA itself.
 * @example substituteParameters(riskScoreLambda, { impact: 'C2', probability: 'D2' }) // 'IF(…(C2)*(D2)))'
 */
export function substituteParameters(
  definition: Pick<LambdaDefinition, 'parameters' | 'body'>,
  args: Readonly<Record<string, string>>,
): string {
  for (const parameter of definition.parameters) {
    if (args[parameter] === undefined) throw new Error(`no formula given for parameter ${parameter}`);
  }
  return replaceNames(definition.body, (name) =>
    definition.parameters.includes(name) ? `(${args[name]})` : undefined,
  );
}
