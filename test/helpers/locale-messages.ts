// chrome.i18n.getMessage over the real extension/_locales messages, for unit tests of the UI's wording.
// A test mocks the polyfill with it and switches the language through `localeState`:
//   vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('…/locale-messages')).i18n } }));
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Message { message: string; placeholders?: Record<string, { content: string }> }

export type TestLocale = 'en' | 'zh_CN';

const locales: Record<TestLocale, Record<string, Message>> = {
  en: read('en'),
  zh_CN: read('zh_CN'),
};

function read(locale: TestLocale): Record<string, Message> {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'extension', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, Message>;
}

/** The language `i18n.getMessage` answers in; tests set it back to 'en' before each test. */
export const localeState: { locale: TestLocale } = { locale: 'en' };

/** chrome.i18n.getMessage: named placeholders to their $n content, $n to the substitutions. */
function getMessage(key: string, substitutions: string[] = []): string {
  const entry = locales[localeState.locale][key];
  if (entry === undefined) return '';
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return substitutions[Number(content.slice(1)) - 1] ?? '';
  });
}

export const i18n = { getMessage };
