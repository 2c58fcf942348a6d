// Settings: the auto-lock time, the share tokens, the sites' screens (connected sites, activity), and the ways into the
// sensitive actions (each its own screen).
import { AUTO_LOCK_CHOICES } from '../../../protocol/private';
import { useApp } from '../../app-context';
import { call } from '../../client';
import { ErrorText } from '../../components/alerts';
import { ChevronIcon } from '../../components/icons';
import { Screen } from '../../components/screen';
import { useAttempt } from '../../components/use-attempt';
import { t } from '../../i18n';

function autoLockLabel(minutes: number): string {
  switch (minutes) {
    case 1: return t('autoLock_1m');
    case 5: return t('autoLock_5m');
    case 15: return t('autoLock_15m');
    case 30: return t('autoLock_30m');
    case 60: return t('autoLock_1h');
    case 240: return t('autoLock_4h');
    case 1440: return t('autoLock_24h');
    default: return t('autoLock_minutes', [minutes]);
  }
}

export function SettingsScreen() {
  const app = useApp();
  const { busy, error, attempt } = useAttempt();
  const current = app.view.autoLockMinutes;
  // A value set some other way than this list still shows as itself.
  const choices: readonly number[] = (AUTO_LOCK_CHOICES as readonly number[]).includes(current)
    ? AUTO_LOCK_CHOICES : [...AUTO_LOCK_CHOICES, current].sort((a, b) => a - b);

  return (
    <Screen
      title={t('settings_title')}
      busy={busy}
      actions={<button type="button" class="btn" onClick={() => { app.go({ name: 'home' }); }}>{t('common_back')}</button>}
    >
      <div class="field">
        <label for="settings-auto-lock">{t('field_autoLock')}</label>
        <select
          id="settings-auto-lock"
          value={String(current)}
          aria-describedby="settings-auto-lock-hint"
          onChange={(event) => {
            const minutes = Number(event.currentTarget.value);
            attempt(async () => {
              app.show(await call('settings.setAutoLock', { minutes }));
              app.announce(t('autoLock_saved'));
            });
          }}
        >
          {choices.map((minutes) => <option key={minutes} value={String(minutes)}>{autoLockLabel(minutes)}</option>)}
        </select>
        <p id="settings-auto-lock-hint" class="hint">{t('autoLock_hint')}</p>
        {error !== undefined && <ErrorText>{error}</ErrorText>}
      </div>
      <h2 class="section-title">{t('settings_shares')}</h2>
      <ul class="menu">
        <li>
          <button type="button" class="menu-item" onClick={() => { app.go({ name: 'tokens', from: 'settings' }); }}>
            <span>{t('tokens_title')}</span><ChevronIcon />
          </button>
        </li>
      </ul>
      <h2 class="section-title">{t('settings_sites')}</h2>
      <ul class="menu">
        <li>
          <button type="button" class="menu-item" onClick={() => { app.go({ name: 'connected-sites' }); }}>
            <span>{t('sites_title')}</span><ChevronIcon />
          </button>
        </li>
        <li>
          <button type="button" class="menu-item" onClick={() => { app.go({ name: 'activity' }); }}>
            <span>{t('activity_title')}</span><ChevronIcon />
          </button>
        </li>
      </ul>
      <h2 class="section-title">{t('settings_security')}</h2>
      <ul class="menu">
        <li>
          <button type="button" class="menu-item" onClick={() => { app.go({ name: 'reveal' }); }}>
            <span>{t('settings_reveal')}</span><ChevronIcon />
          </button>
        </li>
        <li>
          <button type="button" class="menu-item" onClick={() => { app.go({ name: 'change-password' }); }}>
            <span>{t('settings_changePassword')}</span><ChevronIcon />
          </button>
        </li>
        <li>
          <button type="button" class="menu-item menu-item-danger" onClick={() => { app.go({ name: 'remove' }); }}>
            <span>{t('settings_remove')}</span><ChevronIcon />
          </button>
        </li>
      </ul>
    </Screen>
  );
}
