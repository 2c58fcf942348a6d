// The popup's text: both locales complete and consistent, and every key the code asks for present.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const LOCALES = ['en', 'zh_CN'] as const;

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

function readLocale(locale: string): Record<string, Message> {
  return JSON.parse(readFileSync(path.join(ROOT, 'extension', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, Message>;
}

const messages = { en: readLocale('en'), zh_CN: readLocale('zh_CN') };

/** Source files under `dir` (recursively) with one of `extensions`. */
function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => extensions.some((extension) => file.endsWith(extension)))
    .map((file) => path.join(ROOT, dir, file));
}

interface Use {
  key: string;
  /** Number of substitutions passed, or undefined when the argument is not an array literal. */
  substitutions: number | undefined;
  where: string;
}

/** Counts the top-level items of the array literal starting at `source[start]` ("[").*/
function arrayItems(source: string, start: number): number | undefined {
  let depth = 0;
  let items = 0;
  let sawItem = false;
  for (let i = start; i < source.length; i++) {
    const char = source.charAt(i);
    if ('[({'.includes(char)) {
      depth++;
      if (depth > 1) sawItem = true;
      continue;
    }
    if ('])}'.includes(char)) {
      depth--;
      if (depth === 0) return items + (sawItem ? 1 : 0);
      continue;
    }
    if (depth === 1 && char === ',') {
      items++;
      sawItem = false;
    } else if (depth >= 1 && !/\s/.test(char)) {
      sawItem = true;
    }
  }
  return undefined;
}

/** Every `t(...)` call in the UI sources, which must name its key as a string literal. */
function uses(): { found: Use[]; dynamic: string[] } {
  const found: Use[] = [];
  const dynamic: string[] = [];
  for (const file of sourceFiles('src/ui', ['.ts', '.tsx'])) {
    const source = readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    for (const call of source.matchAll(/(?<![\w$.])t\(/g)) {
      const after = source.slice(call.index + 2);
      const literal = /^\s*'([^'\\]+)'\s*(,\s*)?/.exec(after);
      if (literal === null) {
        // The definition of `t` itself is the only call-like text allowed without a literal.
        if (!/^key: string/.test(after)) dynamic.push(`${where}: t(${after.slice(0, 30)}`);
        continue;
      }
      const key = literal[1] ?? '';
      const rest = after.slice(literal[0].length);
      let substitutions: number | undefined = 0;
      if (literal[2] !== undefined) substitutions = rest.startsWith('[') ? arrayItems(rest, 0) : undefined;
      found.push({ key, substitutions, where });
    }
  }
  return { found, dynamic };
}

/** Placeholder names used in a message text, in upper case. */
function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => (match[1] ?? '').toUpperCase());
}

/** How many substitutions a message expects: the highest $n referenced by its placeholders. */
function expectedSubstitutions(message: Message): number {
  const contents = Object.values(message.placeholders ?? {}).map((placeholder) => placeholder.content);
  return Math.max(0, ...contents.map((content) => Number(/^\$(\d)$/.exec(content)?.[1] ?? 0)));
}

describe('the popup locales', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(messages.zh_CN).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it('have no keys that differ only by case (Chrome compares keys case-insensitively)', () => {
    for (const locale of LOCALES) {
      const lower = Object.keys(messages[locale]).map((key) => key.toLowerCase());
      expect(new Set(lower).size).toBe(lower.length);
    }
  });

  it('use only the characters Chrome allows in a key', () => {
    for (const key of Object.keys(messages.en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('give every message a non-empty text in both languages', () => {
    for (const locale of LOCALES) {
      for (const [key, entry] of Object.entries(messages[locale])) {
        expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('translate every text into Chinese, except names that are the same in every language', () => {
    const same = new Set(['wordlist_english', 'wordlist_chinese']);
    const untranslated = Object.keys(messages.en).filter((key) => !same.has(key) && messages.en[key]?.message === messages.zh_CN[key]?.message);
    expect(untranslated).toEqual([]);
  });

  it('declare every placeholder a message uses, with the same names and positions in both languages', () => {
    for (const [key, en] of Object.entries(messages.en)) {
      const zh = messages.zh_CN[key];
      if (zh === undefined) continue;
      for (const [locale, entry] of [['en', en], ['zh_CN', zh]] as const) {
        const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toUpperCase()).sort();
        expect([...new Set(placeholdersIn(entry.message))].sort(), `${locale} ${key}`).toEqual(declared);
        for (const placeholder of Object.values(entry.placeholders ?? {})) expect(placeholder.content).toMatch(/^\$[1-9]$/);
      }
      const contents = (entry: Message) => Object.fromEntries(
        Object.entries(entry.placeholders ?? {}).map(([name, placeholder]) => [name.toLowerCase(), placeholder.content]));
      expect(contents(zh), key).toEqual(contents(en));
    }
  });

  it('have every key the UI asks for, with as many substitutions as the message takes', () => {
    const { found, dynamic } = uses();
    expect(dynamic).toEqual([]);
    expect(found.length).toBeGreaterThan(50);
    for (const use of found) {
      for (const locale of LOCALES) {
        const entry = messages[locale][use.key];
        expect(entry, `${use.where}: "${use.key}" is missing from ${locale}`).toBeDefined();
        if (entry !== undefined && use.substitutions !== undefined) {
          expect(use.substitutions, `${use.where}: t('${use.key}', …)`).toBe(expectedSubstitutions(entry));
        }
      }
    }
  });

  it('have no keys that nothing uses (the UI, the manifest)', () => {
    const used = new Set(uses().found.map((use) => use.key));
    const manifest = readFileSync(path.join(ROOT, 'manifest.json'), 'utf8');
    for (const match of manifest.matchAll(/__MSG_(\w+)__/g)) used.add(match[1] ?? '');
    // Pages other than the popup may use keys too; they live under src/ as well.
    for (const file of sourceFiles('src', ['.ts', '.tsx']).filter((name) => !name.includes(`${path.sep}ui${path.sep}`))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/getMessage\(\s*'(\w+)'/g)) used.add(match[1] ?? '');
    }
    expect(Object.keys(messages.en).filter((key) => !used.has(key))).toEqual([]);
  });

  it('name the confirmation word that the label asks for', () => {
    expect(messages.en.confirm_word?.message).toBe('REMOVE');
    expect(messages.zh_CN.confirm_word?.message).toBe('删除');
    expect(messages.en.field_typeToConfirm?.message.replace('$WORD$', 'REMOVE')).toBe('Type REMOVE to confirm');
  });
});
