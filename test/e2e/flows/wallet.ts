// What a shareholder does in the popup, step by step, by accessible names (src/ui/app.tsx lists them).
import type { Page } from 'puppeteer-core';
import { ariaSelector, clickButton, fillField, getByRole, waitForText } from '../rig/ui';

/** The words of the phrase on screen, in order. */
export async function readPhrase(page: Page): Promise<string[]> {
  await getByRole(page, 'list', 'Recovery phrase').wait();
  return page.$$eval('ol[aria-label="Recovery phrase"] .word, [aria-label="Recovery phrase"] .word', (spans) => spans.map((s) => s.textContent.trim()));
}

/** Home is showing: the account list with its "Add account" button. */
export async function waitForHome(page: Page): Promise<void> {
  await getByRole(page, 'button', 'Add account').wait();
}

/** The new password twice: labelled "Password" when creating, "New password" when restoring. */
export async function setPassword(page: Page, password: string, label: 'Password' | 'New password' = 'Password'): Promise<void> {
  await fillField(page, label, password);
  await fillField(page, 'Repeat password', password);
}

/** Creates a 12-word English wallet through the whole flow and returns its phrase. */
export async function createWallet(page: Page, password: string): Promise<string[]> {
  await clickButton(page, 'Create a new wallet');
  await getByRole(page, 'radio', '12 words').click();
  await getByRole(page, 'radio', 'English').click();
  await clickButton(page, 'Continue');
  const words = await readPhrase(page);
  await clickButton(page, 'Continue');
  // The confirmation asks for some positions: each is a group named "Word #N" of buttons named by words.
  await getByRole(page, 'button', 'Back').wait();
  let asked = 0;
  for (let position = 1; position <= words.length; position++) {
    const group = await page.$(ariaSelector(`Word #${position}`, 'group'));
    if (group === null) continue;
    asked += 1;
    const word = words[position - 1] ?? '';
    const option = await group.$(ariaSelector(word, 'button'));
    if (option === null) throw new Error(`word #${position} ("${word}") is not among the choices`);
    await option.click();
  }
  if (asked === 0) throw new Error('the confirmation step asked for no word');
  await clickButton(page, 'Continue');
  await setPassword(page, password);
  await clickButton(page, 'Create wallet');
  await waitForHome(page);
  return words;
}

/** Restores `phrase` (English, 12 words) by pasting it into the first word field. */
export async function restoreWallet(page: Page, phrase: string, password: string): Promise<void> {
  await clickButton(page, 'Restore from recovery phrase');
  await getByRole(page, 'radio', 'English').click();
  await fillField(page, 'Word 1', phrase);
  await setPassword(page, password, 'New password');
  await clickButton(page, 'Restore wallet');
  await waitForHome(page);
}

export async function unlock(page: Page, password: string): Promise<void> {
  await fillField(page, 'Password', password);
  await clickButton(page, 'Unlock');
}

export async function lock(page: Page): Promise<void> {
  await clickButton(page, 'Lock');
  await getByRole(page, 'button', 'Unlock').wait();
}

/** The full address of the selected account on the home screen. */
export async function selectedAddress(page: Page): Promise<string> {
  await waitForHome(page);
  return page.$eval('p.address', (node) => node.textContent.trim());
}

export async function expectText(page: Page, text: string): Promise<void> {
  await waitForText(page, text);
}
