// The selected account in full: its name (editable in place) and its whole EIP-55 address to copy.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_ACCOUNT_NAME_LENGTH, type AccountView } from '../../protocol/private';
import { useApp } from '../app-context';
import { call } from '../client';
import { t } from '../i18n';
import { accountName } from './account-name';
import { ErrorText } from './alerts';
import { Field } from './field';
import { CopyIcon, PenIcon } from './icons';
import { useBusy } from './use-busy';


export function AccountCard({ account }: { account: AccountView }) {
  const app = useApp();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Back from editing: focus returns to the button that opened the editor.
  useEffect(() => {
    if (wasEditing.current && !editing) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <div class="card account-card">
      {editing ? (
        <RenameForm account={account} onDone={() => { setEditing(false); }} />
      ) : (
        <div class="account-card-head">
          <p class="account-card-name">{accountName(account)}</p>
          <button type="button" class="btn btn-small" ref={renameButton} onClick={() => { setError(undefined); setEditing(true); }}>
            <PenIcon />{t('home_rename')}
          </button>
        </div>
      )}
      <p class="label">{t('account_address')}</p>
      <p class="address mono">{account.address}</p>
      <button
        type="button"
        class="btn btn-small"
        onClick={() => {
          setError(undefined);
          app.clipboard.copy(account.address).then(
            () => { app.announce(t('home_copied')); },
            () => { setError(t('home_copyFailed')); },
          );
        }}
      >
        <CopyIcon />{t('home_copy')}
      </button>
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </div>
  );
}

function RenameForm({ account, onDone }: { account: AccountView; onDone: () => void }) {
  const app = useApp();
  const [busy, run] = useBusy();
  const [name, setName] = useState(account.name);
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { input.current?.select(); }, []);

  return (
    <form
      class="rename"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim().length > MAX_ACCOUNT_NAME_LENGTH) {
          setError(t('account_nameTooLong', [MAX_ACCOUNT_NAME_LENGTH]));
          return;
        }
        run(async () => {
          try {
            app.show(await call('accounts.rename', { index: account.index, name: name.trim() }));
            onDone();
          } catch (failure) {
            setError(app.failure(failure));
          }
        });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <Field
        label={t('field_accountName')}
        autoComplete="off"
        value={name}
        onValue={(value) => { setName(value); setError(undefined); }}
        inputRef={input}
        maxLength={MAX_ACCOUNT_NAME_LENGTH}
        hint={t('account_nameHint', [MAX_ACCOUNT_NAME_LENGTH])}
        error={error}
      />
      <div class="row">
        <button type="button" class="btn btn-small" onClick={onDone}>{t('common_cancel')}</button>
        <button type="submit" class="btn btn-small btn-primary" aria-disabled={busy}>{t('common_save')}</button>
      </div>
    </form>
  );
}
