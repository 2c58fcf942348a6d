// personal_sign (EIP-191): the message as the site sent it, in a framed box apart from the wallet's own
// words: as text when it is printable UTF-8, else as hex. An EIP-4361 sign-in message is named as one and
// checked against the site, the signing account and the site's chain; a 32-byte message (a hash) is blind
// signing. Each finding is an alert above the headline.
import type { ApprovalRequest } from '../../protocol/approvals';
import type { AccountView } from '../../protocol/private';
import { SafeText } from '../components/outside-text';
import { t } from '../i18n';
import { hasInvisible } from '../lib/visible-text';
import { DetailList, PageBox, Sentence } from './parts';
import { signInHeadline } from './sentence';
import { personalSignWarnings } from './signature-warnings';
import { SigningAccount } from './signing-account';
import { WarningList } from './warning-list';

type PersonalSign = Extract<ApprovalRequest, { kind: 'personal_sign' }>;

export function PersonalSignBody({ request, origin, accounts }: { request: PersonalSign; origin: string; accounts: readonly AccountView[] }) {
  const { signIn, text, hex } = request;
  return (
    <>
      <WarningList warnings={personalSignWarnings(request, origin)} />
      <p class="lead-sentence">
        {signIn === undefined ? t('sign_sentence') : <Sentence parts={signInHeadline(signIn, request.account)} />}
      </p>
      <SigningAccount address={request.account} accounts={accounts} />
      <PageBox label={t('sign_messageFromSite')}>
        {text === null
          ? <pre class="page-text page-hex">{hex}</pre>
          : <pre class="page-text"><SafeText text={text} /></pre>}
      </PageBox>
      {text === null && <p class="hint">{t('sign_notText')}</p>}
      {text !== null && hasInvisible(text) && <p class="hint">{t('approval_hiddenChars')}</p>}
      {signIn?.uri !== undefined && signIn.chainId !== undefined && (
        <DetailList details={[
          { label: t('detail_uri'), parts: [{ kind: 'page', text: signIn.uri }] },
          { label: t('detail_chain'), parts: [{ kind: 'number', text: signIn.chainId }] },
        ]}
        />
      )}
    </>
  );
}
