// The warnings of a request, each an alert (announced as it appears) in its tone; notes are plain callouts.
import { Callout } from '../components/alerts';
import { Sentence } from './parts';
import type { Warning } from './signature-warnings';

export function WarningList({ warnings }: { warnings: readonly Warning[] }) {
  return (
    <>
      {warnings.map((warning, index) => (
        <div key={index} role={warning.tone === 'info' ? undefined : 'alert'}>
          <Callout tone={warning.tone}><p><Sentence parts={warning.parts} /></p></Callout>
        </div>
      ))}
    </>
  );
}
