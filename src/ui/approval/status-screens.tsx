// The approval window's screens around the requests: nothing waiting, a request that went away, a
// decision that failed, a wallet that cannot sign, a background that does not answer.
import { useEffect } from 'preact/hooks';
import type { PendingApproval } from '../../protocol/approvals';
import { Callout, ErrorText } from '../components/alerts';
import { Screen } from '../components/screen';
import { t } from '../i18n';
import { SiteCard } from './site';

const CloseButton = ({ onClose, primary = false }: { onClose: () => void; primary?: boolean }) => (
  <button type="button" class={primary ? 'btn btn-primary' : 'btn'} onClick={onClose}>{t('common_close')}</button>
);

/** Nothing to decide: says so, and closes the window after `closeAfterMs`. */
export function EmptyScreen({ done, onClose, closeAfterMs }: { done: boolean; onClose: () => void; closeAfterMs: number }) {
  useEffect(() => {
    const timer = setTimeout(onClose, closeAfterMs);
    return () => { clearTimeout(timer); };
  }, [onClose, closeAfterMs]);
  return (
    <Screen title={done ? t('approval_doneTitle') : t('approval_emptyTitle')} actions={<CloseButton onClose={onClose} />}>
      <p class="lead">{t('approval_closing')}</p>
    </Screen>
  );
}

/** The request on screen is no longer pending (the site went away, the wallet restarted). */
export function GoneScreen({ next, onClose, onNext }: { next: PendingApproval | null; onClose: () => void; onNext: () => void }) {
  return (
    <Screen
      title={t('approval_goneTitle')}
      actions={
        <>
          <CloseButton onClose={onClose} primary={next === null} />
          {next !== null && <button type="button" class="btn btn-primary" onClick={onNext}>{t('approval_next')}</button>}
        </>
      }
    >
      <Callout tone="info"><p>{t('approval_goneText')}</p></Callout>
    </Screen>
  );
}

/** `approval.decide` failed: the error, and a way out. */
export function FailedScreen({ message, onClose, onRetry }: { message: string; onClose: () => void; onRetry: () => void }) {
  return (
    <Screen
      title={t('approval_failedTitle')}
      actions={
        <>
          <CloseButton onClose={onClose} />
          <button type="button" class="btn btn-primary" onClick={onRetry}>{t('common_retry')}</button>
        </>
      }
    >
      <ErrorText>{message}</ErrorText>
      <p>{t('approval_failedText')}</p>
    </Screen>
  );
}

/** No wallet (or a damaged one): nothing can be approved, only rejected. */
export function NoWalletScreen({ pending, damaged, deciding, onReject }: {
  pending: PendingApproval; damaged: boolean; deciding: boolean; onReject: () => void;
}) {
  return (
    <Screen
      title={damaged ? t('damaged_title') : t('approval_noWalletTitle')}
      busy={deciding}
      actions={<button type="button" class="btn btn-primary" disabled={deciding} onClick={onReject}>{t('approval_reject')}</button>}
    >
      <SiteCard origin={pending.origin} topOrigin={pending.topOrigin} topOriginUnknown={pending.topOriginUnknown} />
      <Callout tone="warning"><p>{damaged ? t('approval_damagedText') : t('approval_noWalletText')}</p></Callout>
    </Screen>
  );
}

/** The background did not answer. */
export function UnreachableScreen({ message, onClose, onRetry }: { message: string; onClose: () => void; onRetry: () => void }) {
  return (
    <Screen
      title={t('error_title')}
      actions={
        <>
          <CloseButton onClose={onClose} />
          <button type="button" class="btn btn-primary" onClick={onRetry}>{t('common_retry')}</button>
        </>
      }
    >
      <ErrorText>{message}</ErrorText>
    </Screen>
  );
}
