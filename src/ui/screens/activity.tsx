// The transactions the wallet sent (sent-transactions.tsx), then what sites asked, newest first: when,
// which site, the request in plain words (the approval window's sentences, with short addresses), and what
// became of it.
import { useEffect, useState } from 'preact/hooks';
import type { ActivityDecision, ActivityView } from '../../protocol/approvals';
import { useApp, type ActivityReturn } from '../app-context';
import { Sentence } from '../approval/parts';
import { requestSentence } from '../approval/sentence';
import { formatTime } from '../approval/time';
import { call } from '../client';
import { ErrorText } from '../components/alerts';
import { Screen } from '../components/screen';
import { useAttempt } from '../components/use-attempt';
import { t } from '../i18n';
import { SentTransactions } from './sent-transactions';

/** How many entries show at first, and how many more each "Show older" adds. */
const PAGE = 50;

function decisionLabel(decision: ActivityDecision): string {
  switch (decision) {
    case 'approved': return t('activity_approved');
    case 'rejected': return t('activity_rejected');
    case 'failed': return t('activity_failed');
  }
}

export function ActivityScreen({ from }: { from: ActivityReturn }) {
  const app = useApp();
  const { busy, error, attempt } = useAttempt();
  const [entries, setEntries] = useState<ActivityView[]>();
  const [shown, setShown] = useState(PAGE);

  // Read once, on opening (the app's view changes with every poll of the wallet).
  useEffect(() => {
    // Activity is on screen: the next popup need not open on it for a transaction sent just now.
    call('popup.landing', {}).catch(() => undefined);
    attempt(async () => {
      const list = await call('activity.list', {});
      setEntries([...list].sort((a, b) => b.time - a.time));
    });
  }, []);

  return (
    <Screen
      title={t('activity_title')}
      busy={busy}
      actions={<button type="button" class="btn" onClick={() => { app.go({ name: from }); }}>{t('common_back')}</button>}
    >
      <SentTransactions />
      <h2 class="section-title">{t('activity_siteRequests')}</h2>
      {entries === undefined && error === undefined && <p class="lead" role="status">{t('common_loading')}</p>}
      {entries?.length === 0 && <p class="lead">{t('activity_empty')}</p>}
      {entries !== undefined && entries.length > 0 && (
        <ul class="item-list">
          {entries.slice(0, shown).map((entry) => (
            <li key={entry.id} class="item">
              <div class="item-head">
                <time class="hint" dateTime={new Date(entry.time).toISOString()}>{formatTime(entry.time)}</time>
                <span class={`badge badge-${entry.decision}`}>{decisionLabel(entry.decision)}</span>
              </div>
              <p class="item-title site-name">{entry.origin}</p>
              <p class="item-text"><Sentence parts={requestSentence(entry.summary)} short /></p>
            </li>
          ))}
        </ul>
      )}
      {entries !== undefined && entries.length > shown && (
        <button type="button" class="btn btn-wide" onClick={() => { setShown(shown + PAGE); }}>{t('activity_more')}</button>
      )}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </Screen>
  );
}
