// One company's shares: the token's contract address, then its name and symbol (framed as the contract's
// words) and network (framed as the site's), then every account's shares, voting power and delegate (the
// last two only for ERC20Votes tokens, with "Activate my votes" where shares carry none), and the total,
// with "Send" when an account of the wallet holds some. For a restricted token, the register's facts
// (register-notes.tsx): under each account, and "paused" on the card. Each row carries the account's
// address in data-address, and its figures the classes balance, votes and delegate (the end-to-end tests read them).
import { useState } from 'preact/hooks';
import { shortAddress } from '../../core/format';
import type { TokenView } from '../../protocol/approvals';
import type { TokenHoldingsView } from '../../protocol/holdings';
import type { AccountView } from '../../protocol/private';
import { useApp } from '../app-context';
import { t } from '../i18n';
import { formatAmount, holdingRows, type HoldingRow } from '../lib/holdings';
import { delegateAddress, delegateText } from '../lib/holdings-text';
import { cappedString, NAME_CAP, SYMBOL_CAP } from '../lib/outside-text';
import { sendersOf } from '../lib/send-form';
import { revealedString } from '../lib/visible-text';
import { accountName } from './account-name';
import { SendIcon } from './icons';
import { OutsideText } from './outside-text';
import { RegisterNotes, TokenRegisterNote } from './register-notes';
import { VotesNote } from './votes-note';

function Row({ token, row }: { token: TokenView; row: HoldingRow }) {
  return (
    <li class="holding-row" data-address={row.address}>
      <p class="holding-account">
        {row.account !== undefined && <span class="holding-account-name">{accountName(row.account)}</span>}
        <span class="mono account-short" title={row.address}>{shortAddress(row.address)}</span>
      </p>
      <dl class="holding-figures">
        <div>
          <dt>{t('holdings_shares')}</dt>
          <dd class="balance">{row.balance}</dd>
        </div>
        {row.votes !== undefined && (
          <div>
            <dt>{t('holdings_votes')}</dt>
            <dd class="votes">{row.votes}</dd>
          </div>
        )}
        {row.delegate !== undefined && (
          <div>
            <dt>{t('holdings_delegate')}</dt>
            <dd class="delegate" title={delegateAddress(row.delegate)}>{delegateText(row.delegate)}</dd>
          </div>
        )}
      </dl>
      <RegisterNotes status={row.register} />
      <VotesNote token={token} row={row} />
    </li>
  );
}

/**
 * `initiallyOpen`: list the accounts at once; otherwise the card shows the company and its total, and
 * its accounts are drawn only when the user opens it (see COMPANIES_OPEN_AT_ONCE).
 */
export function TokenHoldings({ holdings, accounts, initiallyOpen }: { holdings: TokenHoldingsView; accounts: readonly AccountView[]; initiallyOpen: boolean }) {
  const app = useApp();
  const { token } = holdings;
  const [open, setOpen] = useState(initiallyOpen);
  const canSend = sendersOf(holdings, accounts).length > 0;
  return (
    <article class="card holding" aria-label={revealedString(token.name)} data-token={token.address}>
      <details open={open} onToggle={(event) => { setOpen(event.currentTarget.open); }}>
        <summary class="holding-head">
          <span class="mono holding-address" title={token.address}>{shortAddress(token.address)}</span>
          <h3 class="holding-name"><OutsideText text={token.name} source="contract" cap={NAME_CAP} /></h3>
          <OutsideText text={token.symbol} source="contract" cap={SYMBOL_CAP} />
        </summary>
        <p class="hint"><OutsideText text={holdings.chainName} source="site" cap={NAME_CAP} /></p>
        <TokenRegisterNote register={holdings.register} />
        {open && <HoldingList holdings={holdings} accounts={accounts} />}
      </details>
      <p class="holding-total">
        <span class="label">{t('holdings_total')}</span>
        <span><span class="total">{formatAmount(holdings.total, token.decimals)}</span> <OutsideText text={token.symbol} source="contract" cap={SYMBOL_CAP} /></span>
      </p>
      {canSend && (
        <button
          type="button"
          class="btn btn-small holding-send"
          aria-label={t('holdings_sendLabel', [cappedString(token.symbol, SYMBOL_CAP)])}
          onClick={() => { app.go({ name: 'send', chainId: token.chainId, token: token.address }); }}
        >
          <SendIcon />{t('holdings_send')}
        </button>
      )}
    </article>
  );
}

function HoldingList({ holdings, accounts }: { holdings: TokenHoldingsView; accounts: readonly AccountView[] }) {
  const rows = holdingRows(holdings, accounts);
  if (rows.length === 0) return <p class="hint">{t('holdings_notRead')}</p>;
  return <ul class="holding-rows">{rows.map((row) => <Row key={row.address} token={holdings.token} row={row} />)}</ul>;
}
