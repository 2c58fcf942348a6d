// The last step of the build: an unpacked extension whose manifest names a missing file, or a message
// no locale defines, installs with errors or not at all, so the build refuses to finish with one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isRecord, type Manifest } from './manifests.js';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Every file the manifest points at (scripts, pages, icons), relative to the extension root. */
export function referencedFiles(manifest: Manifest): string[] {
  const files: unknown[] = [];
  const { background, content_scripts: contentScripts, action, icons } = manifest;
  if (isRecord(background)) files.push(background.service_worker, ...list(background.scripts));
  for (const entry of list(contentScripts)) {
    if (isRecord(entry)) files.push(...list(entry.js), ...list(entry.css));
  }
  if (isRecord(action)) {
    files.push(action.default_popup);
    files.push(...(isRecord(action.default_icon) ? Object.values(action.default_icon) : [action.default_icon]));
  }
  if (isRecord(icons)) files.push(...Object.values(icons));
  return [...new Set(files.filter((file): file is string => typeof file === 'string'))];
}

function messageNames(manifest: Manifest): string[] {
  const names = JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g);
  return [...new Set([...names].map((match) => match[1] ?? ''))];
}

/**
 * Checks that everything `manifest` refers to exists in the extension at `dir`: its files, and each
 * `__MSG_name__` in every locale (the default locale must exist).
 * @throws Error listing every problem found.
 */
export function verifyExtension(dir: string, manifest: Manifest): void {
  const problems = referencedFiles(manifest)
    .filter((file) => !existsSync(path.join(dir, file)))
    .map((file) => `the manifest refers to ${file}, which the build did not produce`);
  const localesDir = path.join(dir, '_locales');
  const locales = existsSync(localesDir) ? readdirSync(localesDir) : [];
  if (typeof manifest.default_locale === 'string' && !locales.includes(manifest.default_locale)) {
    problems.push(`default_locale "${manifest.default_locale}" has no _locales/${manifest.default_locale}/messages.json`);
  }
  for (const locale of locales) {
    const messages: unknown = JSON.parse(readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'));
    for (const name of messageNames(manifest)) {
      if (!isRecord(messages) || !isRecord(messages[name]) || typeof messages[name].message !== 'string') {
        problems.push(`_locales/${locale}/messages.json has no message "${name}", which the manifest uses`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`${dir} is not a complete extension:\n  ${problems.join('\n  ')}`);
}
