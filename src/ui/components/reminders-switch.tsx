// A company's reminders switch. Turning it on asks the browser for the notifications permission straight
// from the click (reminder-switch.ts), then tells the background; a refusal leaves it off with a calm note.
// When reminders are on but the browser no longer allows notifications, it says so.
import { useState } from 'preact/hooks';
import type { GovernorView, VotesView } from '../../protocol/governance';
import { useApp } from '../app-context';
import { call } from '../client';
import { t } from '../i18n';
import { askNotificationsPermission } from '../lib/notifications-permission';
import { cappedString, NAME_CAP } from '../lib/outside-text';
import { switchReminders } from '../lib/reminder-switch';
import { Callout, ErrorText } from './alerts';
import { useBusy } from './use-busy';

/** `notificationsAllowed`: what the browser said of the permission when the screen opened (undefined: not asked). */
export function RemindersSwitch({ governor, notificationsAllowed, onView }: {
  governor: GovernorView; notificationsAllowed: boolean | undefined; onView: (view: VotesView) => void;
}) {
  const app = useApp();
  const [busy, run] = useBusy();
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<string>();
  const ref = { chainId: governor.chainId, address: governor.address };
  const company = cappedString(governor.companyName, NAME_CAP);

  const toggle = (on: boolean): void => {
    setRefused(false);
    setError(undefined);
    // run() starts the task at once, so the permission is asked within the click.
    run(async () => {
      try {
        const outcome = await switchReminders(on, {
          askPermission: askNotificationsPermission,
          setReminders: (value) => call('governance.setReminders', { ...ref, on: value }),
        });
        if (outcome.kind === 'refused') {
          setRefused(true);
          return;
        }
        onView(outcome.view);
        app.announce(on ? t('voting_remindersOn', [company]) : t('voting_remindersOff', [company]));
      } catch (failure) {
        setError(app.failure(failure));
      }
    });
  };

  return (
    <div class="reminders">
      <label class="check">
        <input
          type="checkbox"
          role="switch"
          checked={governor.remindersOn}
          aria-checked={governor.remindersOn}
          aria-disabled={busy}
          onClick={(event) => {
            // The switch shows the background's state: it moves only once the background answers.
            event.preventDefault();
            if (!busy) toggle(!governor.remindersOn);
          }}
        />
        <span>{t('voting_reminders')}</span>
      </label>
      <p class="hint">{t('voting_remindersHint')}</p>
      <div role="status">{refused && <Callout tone="info"><p>{t('voting_remindersRefused')}</p></Callout>}</div>
      {governor.remindersOn && notificationsAllowed === false && <Callout tone="warning"><p>{t('voting_notificationsBlocked')}</p></Callout>}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </div>
  );
}
