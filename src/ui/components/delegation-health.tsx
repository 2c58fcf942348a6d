// A company's voting power, account by account: its shares and votes (as the holdings show them), its part
// of the company's shares and votes ("1.2% of shares, 1.5% of votes"), and the holdings' votes note: "Your
// N shares carry no votes" with "Activate my votes", or who casts its votes when delegated elsewhere.
// Each row carries the account's address in data-address, and its figures the classes balance, votes and
// power (the end-to-end tests read them).
import { shortAddress } from '../../core/format';
import type { CompanyVotesView } from '../../protocol/governance';
import type { AccountView } from '../../protocol/private';
import { t } from '../i18n';
import { delegationRows } from '../lib/votes';
import { powerText } from '../lib/votes-text';
import { accountName } from './account-name';
import { VotesNote } from './votes-note';

export function DelegationHealth({ company, accounts }: { company: CompanyVotesView; accounts: readonly AccountView[] }) {
  const { governor } = company;
  const rows = delegationRows(company, accounts);
  const token = { chainId: governor.chainId, address: governor.token, name: governor.companyName, symbol: governor.symbol, decimals: governor.decimals };
  return (
    <section class="voting-power" aria-label={t('voting_powerTitle')}>
      <h4 class="label">{t('voting_powerTitle')}</h4>
      {rows.length === 0 && <p class="hint">{t('voting_noShares')}</p>}
      {rows.length > 0 && (
        <ul class="holding-rows">
          {rows.map((entry) => {
            const power = powerText(entry);
            return (
              <li key={entry.row.address} class="holding-row" data-address={entry.row.address}>
                <p class="holding-account">
                  {entry.row.account !== undefined && <span class="holding-account-name">{accountName(entry.row.account)}</span>}
                  <span class="mono account-short" title={entry.row.address}>{shortAddress(entry.row.address)}</span>
                </p>
                <dl class="holding-figures">
                  <div>
                    <dt>{t('holdings_shares')}</dt>
                    <dd class="balance">{entry.row.balance}</dd>
                  </div>
                  <div>
                    <dt>{t('holdings_votes')}</dt>
                    <dd class="votes">{entry.row.votes}</dd>
                  </div>
                </dl>
                {power !== undefined && <p class="hint power">{power}</p>}
                <VotesNote token={token} row={entry.row} after="votes" />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
