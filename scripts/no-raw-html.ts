// Preact can render a raw HTML string (`dangerouslySetInnerHTML`) through one `innerHTML` assignment.
// The wallet must never render HTML from a string: a registry's token name or a typed-data field shown
// that way could run script with the extension's privileges. So the build takes that path out of Preact,
// which also clears addons-linter's UNSAFE_VAR_ASSIGNMENT warning (it cannot tell unused code apart).
import type { Plugin } from 'vite';

const PREACT_BUNDLE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
// Preact 11's minified `dom.innerHTML = newHtml.__html` in diffElementNodes.
const RAW_HTML_ASSIGNMENT = /\b[\w$]+\.innerHTML=[\w$]+\.__html\b/g;
const REFUSAL = '(()=>{throw new TypeError("dangerouslySetInnerHTML is turned off in this extension: render text, not HTML")})()';

/**
 * A Vite plugin that makes Preact's `dangerouslySetInnerHTML` throw instead of assigning `innerHTML`.
 * The build fails if Preact's code no longer has exactly one such assignment (after an upgrade), so the
 * path cannot come back unnoticed.
 */
export function noRawHtml(): Plugin {
  return {
    name: 'shareholder-wallet:no-raw-html',
    transform: {
      filter: { id: PREACT_BUNDLE },
      handler(code, id) {
        const count = code.match(RAW_HTML_ASSIGNMENT)?.length ?? 0;
        if (count !== 1) {
          this.error(`no-raw-html: expected one innerHTML assignment in ${id}, found ${count}; update scripts/no-raw-html.ts for this Preact version`);
        }
        return { code: code.replace(RAW_HTML_ASSIGNMENT, REFUSAL), map: null };
      },
    },
  };
}
