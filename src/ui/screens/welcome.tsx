// No wallet yet: create a new one or restore one from its recovery phrase.
import { useApp } from '../app-context';
import { Screen } from '../components/screen';
import { ChevronIcon, KeyIcon, RestoreIcon } from '../components/icons';
import { t } from '../i18n';

export function WelcomeScreen() {
  const app = useApp();
  return (
    <Screen title={t('welcome_title')} before={<img class="hero-mark" src="/icons/icon-96.png" width={56} height={56} alt="" />}>
      <p class="lead">{t('welcome_intro')}</p>
      <div class="big-choices">
        <button type="button" class="big-choice" aria-labelledby="welcome-create-title" aria-describedby="welcome-create-hint" onClick={() => { app.go({ name: 'create' }); }}>
          <KeyIcon />
          <span class="big-choice-text">
            <span id="welcome-create-title" class="big-choice-title">{t('welcome_create')}</span>
            <span id="welcome-create-hint" class="hint">{t('welcome_createHint')}</span>
          </span>
          <ChevronIcon />
        </button>
        <button type="button" class="big-choice" aria-labelledby="welcome-restore-title" aria-describedby="welcome-restore-hint" onClick={() => { app.go({ name: 'restore', replace: false }); }}>
          <RestoreIcon />
          <span class="big-choice-text">
            <span id="welcome-restore-title" class="big-choice-title">{t('welcome_restore')}</span>
            <span id="welcome-restore-hint" class="hint">{t('welcome_restoreHint')}</span>
          </span>
          <ChevronIcon />
        </button>
      </div>
    </Screen>
  );
}
