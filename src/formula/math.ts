/**
 * The lean mathjs instance behind custom formulas: numbers only (the
 * `mathjs/number` entry), with just the parser, the compiler, arithmetic,
 * comparisons and a few elementary functions. No matrices, units, complex
 * numbers, big numbers, assignment or `import`, so a formula cannot escape
 * into anything but arithmetic on its variables.
 *
 * Also the compile-time check of a parsed formula: every symbol must be a
 * variable or a known constant, every function and operator a known one, and
 * only arithmetic node types may appear.
 * @internal
 * @module
 */
import { createRequire } from 'node:module';
import type * as MathJsNumber from 'mathjs/number';
import type { FactoryFunctionMap, MathNode } from 'mathjs';
import { typeReason } from '../internal/errors.js';

/** Merges the dependency maps (typed as possibly undefined by mathjs). */
function factories(...maps: (FactoryFunctionMap | undefined)[]): FactoryFunctionMap {
  const all: FactoryFunctionMap = {};
  for (const m of maps) {
    if (m === undefined) throw new Error('lepton-sched/formula: a mathjs factory is missing (incompatible mathjs version)');
    Object.assign(all, m);
  }
  return all;
}

type MathInstance = ReturnType<typeof MathJsNumber.create>;
let math: MathInstance | undefined;

/**
 * The lean instance, built on first use. mathjs is an optional peer
 * dependency: only users of `lepton-sched/formula` install it, and its
 * absence is reported with the command that fixes it, at the first call
 * (not at import, so the subpath's types and constants stay importable).
 */
function lean(fn: string): MathInstance {
  if (math !== undefined) return math;
  let m: typeof MathJsNumber;
  try {
    m = createRequire(import.meta.url)('mathjs/number') as typeof MathJsNumber;
  } catch (e) {
    return typeReason(
      fn,
      'expression',
      `cannot be compiled: lepton-sched/formula needs the package 'mathjs' (an optional peer dependency), which could not be loaded; run \`npm install mathjs\` (${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)})`,
    );
  }
  math = m.create(factories(
    m.absDependencies, m.addDependencies, m.andDependencies, m.cbrtDependencies, m.ceilDependencies,
    m.compileDependencies, m.cubeDependencies, m.divideDependencies, m.eDependencies, m.equalDependencies,
    m.expDependencies, m.floorDependencies, m.hypotDependencies, m.largerDependencies, m.largerEqDependencies,
    m.log10Dependencies, m.log1pDependencies, m.log2Dependencies, m.logDependencies, m.maxDependencies,
    m.minDependencies, m.modDependencies, m.multiplyDependencies, m.notDependencies, m.orDependencies,
    m.parseDependencies, m.piDependencies, m.powDependencies, m.roundDependencies, m.signDependencies,
    m.smallerDependencies, m.smallerEqDependencies, m.sqrtDependencies, m.squareDependencies,
    m.subtractDependencies, m.unaryMinusDependencies, m.unaryPlusDependencies, m.unequalDependencies,
    m.xorDependencies,
  ));
  return math;
}

/** Functions a formula may call by name. */
export const FUNCTIONS: readonly string[] = [
  'abs', 'cbrt', 'ceil', 'cube', 'exp', 'floor', 'hypot', 'log', 'log10', 'log1p', 'log2',
  'max', 'min', 'mod', 'pow', 'round', 'sign', 'sqrt', 'square',
];
/** Functions operators map to (`+` is `add`, `>` is `larger`, ...). */
const OPERATOR_FUNCTIONS = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal', 'and', 'or', 'not', 'xor',
]);
/** Constants a formula may use. */
export const CONSTANTS: readonly string[] = ['pi', 'e'];
const FUNCTION_SET = new Set(FUNCTIONS);
const CONSTANT_SET = new Set(CONSTANTS);

/** A formula parsed, checked and compiled once. @internal */
export interface CheckedFormula {
  /** The expression as given, for messages. */
  readonly text: string;
  /** Variable names the formula uses, with the index of the value each is bound to. */
  readonly used: readonly (readonly [name: string, slot: number])[];
  /** Evaluates with a scope mapping every used name to its value. */
  readonly evaluate: (scope: Map<string, number>) => unknown;
}

/**
 * Parses `expression` with the lean instance, checks it against `names`
 * (name → index into the values), and compiles it once. Throws
 * InputTypeError naming `fn` and the formula on a syntax error, an unknown
 * symbol or function, or a construct other than arithmetic.
 */
export function checkFormula(fn: string, expression: string, names: ReadonlyMap<string, number>): CheckedFormula {
  const quoted = JSON.stringify(expression);
  let root: MathNode;
  try {
    root = lean(fn).parse(expression);
  } catch (e) {
    return typeReason(fn, 'expression', `${quoted} is not a valid formula: ${(e as Error).message}`);
  }
  const used = new Map<string, number>();
  const known = () => [...names.keys(), ...CONSTANTS].join(', ');
  const visit = (node: MathNode): void => {
    switch (node.type) {
      case 'ConstantNode': {
        const value: unknown = (node as MathNode & { value: unknown }).value;
        if (typeof value !== 'number') typeReason(fn, 'expression', `${quoted} contains the non-numeric constant ${String(value)}`);
        return;
      }
      case 'SymbolNode': {
        const name = (node as MathNode & { name: string }).name;
        const slot = names.get(name);
        if (slot !== undefined) used.set(name, slot);
        else if (!CONSTANT_SET.has(name)) typeReason(fn, 'expression', `${quoted} uses the unknown symbol ${name} (known: ${known()})`);
        return;
      }
      case 'FunctionNode': {
        const f = node as MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
        const name = f.fn.type === 'SymbolNode' ? f.fn.name : undefined;
        if (name === undefined || !FUNCTION_SET.has(name)) {
          typeReason(fn, 'expression', `${quoted} calls the unknown function ${name ?? f.fn.toString()} (known: ${FUNCTIONS.join(', ')})`);
        }
        f.args.forEach(visit);
        return;
      }
      case 'OperatorNode': {
        const o = node as MathNode & { op: string; fn: string; args: MathNode[] };
        if (!OPERATOR_FUNCTIONS.has(o.fn)) typeReason(fn, 'expression', `${quoted} uses the unsupported operator ${o.op}`);
        o.args.forEach(visit);
        return;
      }
      case 'ParenthesisNode':
      case 'ConditionalNode':
      case 'RelationalNode':
        node.forEach((child) => visit(child));
        return;
      default:
        typeReason(fn, 'expression', `${quoted} uses an unsupported construct (${node.type}); only arithmetic on the variables is allowed`);
    }
  };
  visit(root);
  const code = root.compile();
  return { text: expression, used: [...used], evaluate: (scope) => code.evaluate(scope) as unknown };
}
