// The fee the user pays: Slow / Normal / Fast presets of the wallet's proposal, or their own fees in gwei
// (a max fee and a priority fee, or a legacy gas price), each checked as typed with the reason shown at
// the field. The chosen fees are drawn as the lines above the editor, so the total follows every change.
import type { TransactionRequestView } from '../../protocol/transactions';
import { Callout } from '../components/alerts';
import { ChoiceGroup, type Choice } from '../components/choice-group';
import { Field } from '../components/field';
import { t } from '../i18n';
import { belowBaseFeeNote, feeDetails, feeProblemMessage, suggestedFeesNote } from './fee-sentence';
import { DetailList, Sentence } from './parts';
import { draftFees, type FeeDraft } from './transaction-draft';

interface FeeEditorProps {
  view: TransactionRequestView;
  draft: FeeDraft;
  onDraft: (draft: FeeDraft) => void;
  /** The gas the preview's simulation used, once known: the likely cost counts it instead of the whole limit. */
  gasUsed: string | undefined;
}

export function FeeEditor({ view, draft, onDraft, gasUsed }: FeeEditorProps) {
  const chosen = draftFees(view, draft);
  const legacy = view.fees.proposed.type === 'legacy';
  const speeds: Choice<FeeDraft['speed']>[] = [
    { value: 'slow', label: t('fee_slow') },
    { value: 'normal', label: t('fee_normal') },
    { value: 'fast', label: t('fee_fast') },
    { value: 'custom', label: t('fee_custom') },
  ];
  const problem = chosen.ok ? undefined : chosen.problem;
  const maxError = problem === 'max-unreadable' || problem === 'max-zero' ? feeProblemMessage(problem) : undefined;
  const priorityError = problem === 'priority-unreadable' || problem === 'priority-zero' || problem === 'priority-above-max'
    ? feeProblemMessage(problem) : undefined;
  const suggested = suggestedFeesNote(view.fees);
  const belowBase = chosen.ok ? belowBaseFeeNote(chosen.fees, view.fees) : undefined;
  return (
    <section class="fee" aria-labelledby="fee-heading">
      <h2 id="fee-heading" class="label">{t('fee_title')}</h2>
      {chosen.ok && <DetailList details={feeDetails(view.gas, chosen.fees, view.fees, view.nativeCurrency, gasUsed)} />}
      {suggested !== undefined && <p class="hint"><Sentence parts={suggested} /></p>}
      <ChoiceGroup legend={t('fee_speed')} choices={speeds} value={draft.speed} onChange={(speed) => { onDraft({ ...draft, speed }); }} />
      {draft.speed === 'custom' && (
        <>
          <Field
            label={legacy ? t('fee_gasPriceField') : t('fee_maxField')}
            value={draft.maxText}
            onValue={(maxText) => { onDraft({ ...draft, maxText }); }}
            autoComplete="off"
            error={maxError}
          />
          {!legacy && (
            <Field
              label={t('fee_priorityField')}
              value={draft.priorityText}
              onValue={(priorityText) => { onDraft({ ...draft, priorityText }); }}
              autoComplete="off"
              error={priorityError}
            />
          )}
        </>
      )}
      {belowBase !== undefined && <Callout tone="warning"><p><Sentence parts={belowBase} /></p></Callout>}
    </section>
  );
}
