// `npm run bench`: prints figures with their goals; it never fails on a slow machine.
// The browser parts need a build (`npm run build`) and Chromium; the holdings, governance and transaction parts start their own anvil.
// `npm run bench -- hostile-latency` (or any of PARTS' names) runs only the parts named.
import { benchBrowser } from './browser';
import { benchCore } from './core';
import { benchGovernance } from './governance';
import { benchHoldings } from './holdings';
import { benchHostileLatency } from './hostile-latency';
import { benchPopupHoldings } from './popup-holdings';
import { benchPopupVotes } from './popup-votes';
import { benchTransactionApproval } from './transaction-approval';
import { benchTransactionPreview } from './transaction-preview';

const PARTS: Record<string, () => Promise<void>> = {
  core: benchCore,
  holdings: benchHoldings,
  governance: benchGovernance,
  browser: benchBrowser,
  'popup-holdings': benchPopupHoldings,
  'popup-votes': benchPopupVotes,
  'hostile-latency': benchHostileLatency,
  'transaction-preview': benchTransactionPreview,
  'transaction-approval': benchTransactionApproval,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in PARTS));
if (unknown.length > 0) throw new Error(`npm run bench: no part named ${unknown.join(', ')}; the parts are ${Object.keys(PARTS).join(', ')}`);
for (const [name, part] of Object.entries(PARTS)) if (asked.length === 0 || asked.includes(name)) await part();
