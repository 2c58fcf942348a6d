// All user-visible text comes from extension/_locales/{en,zh_CN}/messages.json through `t`.
// Keys are written as literals at each call (never built from strings), so a unit test can find every
// key used here and check that both locales have it with the same placeholders.
import browser from 'webextension-polyfill';

/**
 * The message `key` in the browser's language, with `$PLACEHOLDER$`s filled from `substitutions` in
 * order. A missing key shows as the key itself, which the locale test makes impossible in a build.
 */
export function t(key: string, substitutions?: readonly (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions?.map(String));
  return text === '' ? key : text;
}
