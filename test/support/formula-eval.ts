/**
 * A small evaluator for the spreadsheet formula subset the LAMBDA bodies use, with Excel's
 * rules for coercion, comparison and element-wise evaluation over arrays. Any function outside
 * the subset is an error, so a body that drifts to AND, LET or XLOOKUP fails its tests.
 */

export interface FormulaError {
  readonly error: string;
}

/** A cell that holds nothing: `=""` is true of it, yet arithmetic reads it as 0. */
export const BLANK_CELL = Symbol('blank cell');

export type Scalar = number | string | boolean | FormulaError | typeof BLANK_CELL;

export interface FormulaArray {
  readonly rows: Scalar[][];
}

export type Value = Scalar | FormulaArray;

export const SUPPORTED_FUNCTIONS = ['IF', 'ISNUMBER', 'INT', 'INDEX', 'CHOOSE', 'NA'] as const;

const ERROR_LITERALS = ['#VALUE!', '#N/A', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!'];

export function isFormulaError(value: unknown): value is FormulaError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

export function isFormulaArray(value: unknown): value is FormulaArray {
  return typeof value === 'object' && value !== null && 'rows' in value;
}

const err = (code: string): FormulaError => ({ error: code });

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'error'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= formula.length) throw new Error(`unterminated string in ${formula}`);
        if (formula[i] === '"') {
          if (formula[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += formula[i++];
      }
      tokens.push({ kind: 'string', value: text });
    } else if (ch === '#') {
      const literal = ERROR_LITERALS.find((code) => formula.startsWith(code, i));
      if (!literal) throw new Error(`unknown error literal at ${formula.slice(i)}`);
      tokens.push({ kind: 'error', value: literal });
      i += literal.length;
    } else if (/[0-9.]/.test(ch)) {
      const match = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(formula.slice(i))!;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i))!;
      tokens.push({ kind: 'name', value: match[0] });
      i += match[0].length;
    } else {
      const two = formula.slice(i, i + 2);
      const op = ['<=', '>=', '<>'].includes(two) ? two : ch;
      if (!'+-*/^&=<>(),;{}'.includes(op[0]!)) throw new Error(`unexpected ${op} in ${formula}`);
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

type Node =
  | { type: 'literal'; value: Scalar }
  | { type: 'array'; rows: Node[][] }
  | { type: 'name'; name: string }
  | { type: 'unary'; op: string; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'call'; name: string; args: Node[] };

function parse(formula: string): Node {
  const tokens = tokenize(formula.startsWith('=') ? formula.slice(1) : formula);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => peek()?.kind === 'op' && peek()!.value === value;
  const expect = (value: string) => {
    if (!isOp(value)) throw new Error(`expected ${value} at token ${pos} of ${formula}`);
    pos++;
  };
  const binary = (ops: readonly string[], next: () => Node) => (): Node => {
    let left = next();
    while (peek()?.kind === 'op' && ops.includes(String(peek()!.value))) {
      const op = String(tokens[pos++]!.value);
      left = { type: 'binary', op, left, right: next() };
    }
    return left;
  };
  const primary = (): Node => {
    const token = tokens[pos++];
    if (!token) throw new Error(`unexpected end of ${formula}`);
    if (token.kind === 'number') return { type: 'literal', value: token.value };
    if (token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'error') return { type: 'literal', value: err(token.value) };
    if (token.kind === 'name') {
      const upper = token.value.toUpperCase();
      if (isOp('(')) {
        pos++;
        const args: Node[] = [];
        if (!isOp(')')) {
          for (;;) {
            args.push(comparison());
            if (isOp(',')) pos++;
            else break;
          }
        }
        expect(')');
        return { type: 'call', name: upper, args };
      }
      if (upper === 'TRUE' || upper === 'FALSE') return { type: 'literal', value: upper === 'TRUE' };
      return { type: 'name', name: token.value };
    }
    if (token.value === '(') {
      const inner = comparison();
      expect(')');
      return inner;
    }
    if (token.value === '{') {
      const rows: Node[][] = [[]];
      for (;;) {
        rows[rows.length - 1]!.push(unary());
        if (isOp(',')) pos++;
        else if (isOp(';')) {
          pos++;
          rows.push([]);
        } else break;
      }
      expect('}');
      return { type: 'array', rows };
    }
    if (token.value === '-' || token.value === '+')
      return { type: 'unary', op: token.value, operand: unary() };
    throw new Error(`unexpected ${token.value} in ${formula}`);
  };
  const unary = (): Node => {
    if (isOp('-') || isOp('+')) {
      const op = String(tokens[pos++]!.value);
      return { type: 'unary', op, operand: unary() };
    }
    return primary();
  };
  const power = binary(['^'], unary);
  const multiplicative = binary(['*', '/'], power);
  const additive = binary(['+', '-'], multiplicative);
  const concat = binary(['&'], additive);
  const comparison = binary(['=', '<>', '<', '>', '<=', '>='], concat);
  const tree = comparison();
  if (pos !== tokens.length)
    throw new Error(`unexpected ${tokens[pos]!.value} at token ${pos} of ${formula}`);
  return tree;
}

function toNumber(value: Scalar): number | FormulaError {
  if (value === BLANK_CELL) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isFormulaError(value)) return value;
  const text = value.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : err('#VALUE!');
}

function toText(value: Scalar): string | FormulaError {
  if (value === BLANK_CELL) return '';
  if (isFormulaError(value)) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Excel orders numbers < text < booleans, and never finds values of different types equal. */
function compare(left: Scalar, right: Scalar): number | FormulaError {
  if (isFormulaError(left)) return left;
  if (isFormulaError(right)) return right;
  const rank = (value: Scalar) => (typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2);
  // A blank cell takes the type of what it is compared with.
  const blankAs = (other: Scalar): Scalar =>
    typeof other === 'number' ? 0 : typeof other === 'boolean' ? false : '';
  const a = left === BLANK_CELL ? blankAs(right) : left;
  const b = right === BLANK_CELL ? blankAs(left) : right;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const [x, y] = [a.toLowerCase(), (b as string).toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function binaryScalar(op: string, left: Scalar, right: Scalar): Scalar {
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(left, right);
    if (isFormulaError(c)) return c;
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op]!;
  }
  if (op === '&') {
    const [a, b] = [toText(left), toText(right)];
    if (isFormulaError(a)) return a;
    return isFormulaError(b) ? b : a + b;
  }
  const [a, b] = [toNumber(left), toNumber(right)];
  if (isFormulaError(a)) return a;
  if (isFormulaError(b)) return b;
  if (op === '/' && b === 0) return err('#DIV/0!');
  return { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '^': a ** b }[op]!;
}

/** Applies a scalar function to each element: arrays of one shape pair up, scalars and 1×1 arrays broadcast. */
function lift(args: readonly Value[], fn: (...scalars: Scalar[]) => Scalar): Value {
  const arrays = args.filter(isFormulaArray).filter((a) => a.rows.length * (a.rows[0]?.length ?? 0) !== 1);
  if (arrays.length === 0) {
    return fn(...args.map((arg) => (isFormulaArray(arg) ? arg.rows[0]![0]! : arg)));
  }
  const rows = arrays[0]!.rows.length;
  const columns = arrays[0]!.rows[0]!.length;
  if (arrays.some((a) => a.rows.length !== rows || a.rows[0]!.length !== columns)) {
    throw new Error('arrays of different shapes');
  }
  return {
    rows: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) =>
        fn(
          ...args.map((arg) => {
            if (!isFormulaArray(arg)) return arg;
            return arg.rows.length * arg.rows[0]!.length === 1 ? arg.rows[0]![0]! : arg.rows[r]![c]!;
          }),
        ),
      ),
    ),
  };
}

function truth(value: Scalar): boolean | FormulaError {
  if (isFormulaError(value)) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value === BLANK_CELL) return false;
  return err('#VALUE!');
}

function evaluateNode(node: Node, env: Readonly<Record<string, Value>>): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'name': {
      const value = env[node.name];
      if (value === undefined) throw new Error(`unknown name ${node.name}`);
      return value;
    }
    case 'array':
      return {
        rows: node.rows.map((row) =>
          row.map((cell) => {
            const value = evaluateNode(cell, env);
            if (isFormulaArray(value)) throw new Error('nested array constant');
            return value;
          }),
        ),
      };
    case 'unary':
      return lift([evaluateNode(node.operand, env)], (value) => {
        const n = toNumber(value);
        return isFormulaError(n) ? n : node.op === '-' ? -n : n;
      });
    case 'binary':
      return lift([evaluateNode(node.left, env), evaluateNode(node.right, env)], (a, b) =>
        binaryScalar(node.op, a, b),
      );
    case 'call':
      return callFunction(node.name, node.args, env);
  }
}

function callFunction(name: string, argNodes: readonly Node[], env: Readonly<Record<string, Value>>): Value {
  const args = argNodes.map((arg) => evaluateNode(arg, env));
  const arity = (min: number, max = min) => {
    if (args.length < min || args.length > max)
      throw new Error(`${name} takes ${min}-${max} arguments, not ${args.length}`);
  };
  switch (name) {
    case 'IF':
      arity(2, 3);
      return lift([args[0]!, args[1]!, args[2] ?? false], (condition, yes, no) => {
        const t = truth(condition);
        return isFormulaError(t) ? t : t ? yes : no;
      });
    case 'ISNUMBER':
      arity(1);
      return lift(args, (value) => typeof value === 'number');
    case 'INT':
      arity(1);
      return lift(args, (value) => {
        const n = toNumber(value);
        return isFormulaError(n) ? n : Math.floor(n);
      });
    case 'INDEX': {
      arity(2, 3);
      const table = args[0]!;
      const rows: Scalar[][] = isFormulaArray(table) ? table.rows : [[table]];
      return lift([args[1]!, args[2] ?? 1], (r, c) => {
        const [row, column] = [toNumber(r), toNumber(c)];
        if (isFormulaError(row)) return row;
        if (isFormulaError(column)) return column;
        return rows[Math.trunc(row) - 1]?.[Math.trunc(column) - 1] ?? err('#REF!');
      });
    }
    case 'CHOOSE': {
      if (args.length < 2) throw new Error('CHOOSE needs an index and a choice');
      return lift(args, (index, ...choices) => {
        const n = toNumber(index);
        if (isFormulaError(n)) return n;
        return choices[Math.trunc(n) - 1] ?? err('#VALUE!');
      });
    }
    case 'NA':
      arity(0);
      return err('#N/A');
    default:
      throw new Error(`function ${name} is not in the supported subset (${SUPPORTED_FUNCTIONS.join(', ')})`);
  }
}

/**
 * Evaluates a formula (with or without `=`); names are looked up in `env`.
 * @example evaluateFormula('IF(x>2,"big","small")', { x: 3 }) // 'big'
 */
export function evaluateFormula(formula: string, env: Readonly<Record<string, Value>> = {}): Value {
  return evaluateNode(parse(formula), env);
}

/** The functions a formula calls, upper-case, for structural checks. */
export function functionsCalled(formula: string): string[] {
  const found = new Set<string>();
  const walk = (node: Node): void => {
    if (node.type === 'call') {
      found.add(node.name);
      node.args.forEach(walk);
    } else if (node.type === 'unary') walk(node.operand);
    else if (node.type === 'binary') {
      walk(node.left);
      walk(node.right);
    } else if (node.type === 'array') node.rows.flat().forEach(walk);
  };
  walk(parse(formula));
  return [...found];
}
