// @ts-check
/**
 * TypeDoc plugin: files every exported declaration under the folder of the
 * architecture it lives in (models, problem, workflow, schedule, solvers,
 * pareto, online, render, io, ...), so the API site reads as the layout in
 * README does, with no @category tag to keep in sync by hand.
 */
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

/** Folder (relative to src/) → the category title shown on the site. */
const TITLES = {
  'models': 'Models: priority, load, transfer',
  'formula': 'Custom formulas',
  'problem': 'Problems',
  'workflow': 'Task graphs',
  'schedule': 'Schedules and metrics',
  'solvers': 'Solvers: solve and the strategy table',
  'solvers/heuristics': 'Solvers: list heuristics',
  'solvers/lsap': 'Solvers: linear sum assignment',
  'solvers/gap': 'Solvers: generalized assignment',
  'solvers/search': 'Solvers: local search and bounds',
  'pareto': 'Pareto fronts',
  'online': 'Online use and simulation',
  'render': 'Pictures (SVG)',
  'io': 'Formats',
  '.': 'Errors and the worked example',
};

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.parent || !reflection.parent.kindOf(ReflectionKind.Module | ReflectionKind.Project)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName.replace(/\\/g, '/');
    if (!file) return;
    const m = /\/src\/(.*)\/[^/]+\.ts$/.exec(file) ?? (/\/src\/[^/]+\.ts$/.test(file) ? [file, '.'] : null);
    if (!m) return;
    const folder = m[1] ?? '.';
    const title = TITLES[/** @type {keyof typeof TITLES} */ (folder)] ?? TITLES[/** @type {keyof typeof TITLES} */ (folder.split('/')[0] ?? '.')] ?? folder;
    reflection.comment ??= new Comment();
    if (!reflection.comment.blockTags.some((t) => t.tag === '@category')) {
      reflection.comment.blockTags.push(new CommentTag('@category', [{ kind: 'text', text: title }]));
    }
  });
}
