// Lint rule: every import in src/ must follow the dependency direction in ./layers.js.
import path from 'node:path';
import { layers } from './layers.js';

const root = path.resolve(import.meta.dirname, '..');

/** @param {string} file a path relative to the project root, with forward slashes */
function layerOf(file) {
  return Object.keys(layers)
    .filter((name) => file === name || file.startsWith(`${name}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const dependencyDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer dependency direction of design.md' },
    schema: [],
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = layerOf(file);
    if (from === undefined) return {};
    const rules = layers[from];

    /** @param {import('estree').Node} node @param {string} source @param {boolean} typeOnly */
    function check(node, source, typeOnly) {
      if (!source.startsWith('.')) {
        if (!rules.packages.some((allowed) => allowed.test(source))) {
          context.report({ node, message: `${from} may not import the package "${source}" (design.md, Architecture)` });
        }
        return;
      }
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep).join('/');
      const to = layerOf(target);
      if (to === undefined) {
        context.report({ node, message: `${from} may not import "${source}", which is outside src/` });
        return;
      }
      const allowed = rules.imports.includes(to) || (typeOnly && (rules.typeImports ?? []).includes(to));
      const fileRule = rules.onlyFiles?.[to];
      if (!allowed) {
        context.report({ node, message: `${from} may not import ${typeOnly ? 'types from ' : ''}${to} (design.md, Architecture)` });
      } else if (fileRule !== undefined && !fileRule.test(`${target}.ts`) && !fileRule.test(target)) {
        context.report({ node, message: `${from} may import only the secret-free parts of ${to}, not "${source}"` });
      }
    }

    return {
      ImportDeclaration(node) {
        const typeOnly = /** @type {{ importKind?: string }} */ (node).importKind === 'type';
        check(node, String(node.source.value), typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, String(node.source.value), /** @type {{ exportKind?: string }} */ (node).exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, String(node.source.value), /** @type {{ exportKind?: string }} */ (node).exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, String(node.source.value), false);
      },
    };
  },
};
