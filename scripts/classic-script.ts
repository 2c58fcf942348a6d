// A classic script is what an MV3 service worker without `type: module`, a Firefox event page and a
// content script in either world all load. The build checks every such output with this, so a module
// construct that slipped through bundling fails the build instead of failing in a user's browser.
import { parseSync, Visitor } from 'vite';

/**
 * Why `code` cannot ship as a self-contained classic script, or undefined if it can: it must parse as a
 * script (no static import/export), be one IIFE that declares no globals, and load nothing at run time
 * (no `import()`, no `import.meta`).
 */
export function classicScriptProblem(file: string, code: string): string | undefined {
  const { program, errors } = parseSync(file, code, { lang: 'js', sourceType: 'script' });
  const [error] = errors;
  if (error !== undefined) return `${file} does not parse as a classic script: ${error.message}`;
  const statements = program.body.filter((statement) => !('directive' in statement && typeof statement.directive === 'string'));
  // A page-world script must not leak names onto the page's window: everything stays inside the IIFE.
  if (statements.length !== 1 || statements[0]?.type !== 'ExpressionStatement') {
    return `${file} is not one self-contained IIFE (does its entry export something?)`;
  }
  let loader: string | undefined;
  new Visitor({
    ImportExpression: () => { loader ??= 'import()'; },
    MetaProperty: () => { loader ??= 'import.meta'; },
  }).visit(program);
  return loader === undefined ? undefined : `${file} uses ${loader}, which a classic script cannot rely on`;
}
