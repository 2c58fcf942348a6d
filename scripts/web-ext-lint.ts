// Runs Mozilla's add-on linter (what addons.mozilla.org runs on upload) through web-ext's Node API.
// The API, unlike the CLI, does not start web-ext's update check, so it needs no network.

export interface LintMessage {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
}

export interface LintReport {
  readonly summary: { readonly errors: number; readonly notices: number; readonly warnings: number };
  readonly errors: readonly LintMessage[];
  readonly warnings: readonly LintMessage[];
  readonly notices: readonly LintMessage[];
}

type LintCommand = (params: { sourceDir: string; output: 'none' }, options: { shouldExitProgram: false }) => Promise<unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isMessages(value: unknown): value is LintMessage[] {
  return Array.isArray(value) && value.every((item) => isRecord(item) && typeof item.code === 'string' && typeof item.message === 'string');
}

function isReport(value: unknown): value is LintReport {
  if (!isRecord(value) || !isRecord(value.summary)) return false;
  const { summary } = value;
  return ['errors', 'notices', 'warnings'].every((kind) => typeof summary[kind] === 'number' && isMessages(value[kind]));
}

function isLintCommand(value: unknown): value is LintCommand {
  return typeof value === 'function';
}

/**
 * Lints the unpacked extension at `sourceDir` as AMO would (not as self-hosted, so AMO's rules apply).
 * @throws TypeError if web-ext's API or report does not have the documented shape.
 */
export async function webExtLint(sourceDir: string): Promise<LintReport> {
  // web-ext ships no type declarations: import it untyped and check the shape at run time.
  const specifier: string = 'web-ext';
  const webExt: unknown = await import(specifier);
  const lint = isRecord(webExt) && isRecord(webExt.cmd) ? webExt.cmd.lint : undefined;
  if (!isLintCommand(lint)) throw new TypeError('web-ext: cmd.lint is not a function');
  const report = await lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });
  if (!isReport(report)) throw new TypeError('web-ext lint: the report does not have the expected shape');
  return report;
}
