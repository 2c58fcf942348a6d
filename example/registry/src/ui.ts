// Small DOM helpers shared by the pages. Every outcome is written as plain text plus `data-state` (and
// `data-code` for a wallet error), so people can read it and tests can wait on it.
import { errorText, type WalletError } from './errors';

/**
 * The common states of a result element: idle (nothing asked yet), pending (waiting for the wallet or
 * the chain), verified (signed and checked), rejected (the user said no: 4001), error (anything else).
 * On-chain outcomes add their own (added, relayed, created, counted, loaded, accepted): README.md.
 */
export type ResultState = 'idle' | 'pending' | 'verified' | 'rejected' | 'error';

export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`#${id} is missing or is not a ${type.name}`);
  return element;
}

/** Sets an outcome; a contract error name (`data-revert`) from an earlier outcome is dropped. */
export function setResult(element: HTMLElement, state: string, text: string, code?: number): void {
  element.dataset.state = state;
  delete element.dataset.revert;
  if (code === undefined) delete element.dataset.code;
  else element.dataset.code = String(code);
  element.textContent = text;
}

/** Shows a wallet error: "rejected" for 4001, "error" otherwise, with its code. */
export function setErrorResult(element: HTMLElement, error: WalletError): void {
  setResult(element, error.code === 4001 ? 'rejected' : 'error', errorText(error), error.code);
}

/** Appends a line to the page's log (newest last), with the time. */
export function log(list: HTMLElement, text: string): void {
  const item = document.createElement('li');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString('en-GB');
  item.append(time, ' ', text);
  list.append(item);
  item.scrollIntoView({ block: 'nearest' });
}
