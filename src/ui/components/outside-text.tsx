// Drawing text from outside the wallet. SafeText shows hidden characters as codes; OutsideText also
// frames the text, labels who chose it ("from the token contract", "from the site"), and caps it, with
// the whole text (revealed too) in its tooltip. The popup and the approval window both draw every token
// name and symbol and every network name with OutsideText. Text is only ever rendered as text nodes.
import { t } from '../i18n';
import { capText, type OutsideSource } from '../lib/outside-text';
import { revealInvisible, revealedString, type TextPiece } from '../lib/visible-text';

function Pieces({ pieces }: { pieces: readonly TextPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) => piece.kind === 'text'
        ? piece.text
        : <span key={index} class="hidden-char">{piece.code}</span>)}
    </>
  );
}

/** `text` from outside the wallet, with invisible characters drawn as their code (U+202E). */
export function SafeText({ text }: { text: string }) {
  return <Pieces pieces={revealInvisible(text)} />;
}

/** "from the token contract", "from the governor contract", "from the site", "from the network's node", "from the proposal". */
export function outsideLabel(source: OutsideSource): string {
  switch (source) {
    case 'contract': return t('outside_fromContract');
    case 'governor': return t('outside_fromGovernor');
    case 'site': return t('outside_fromSite');
    case 'node': return t('outside_fromNode');
    case 'proposal': return t('outside_fromProposal');
  }
}

/**
 * A name or symbol that `source` chose, framed apart from the wallet's words and labelled with its
 * source, at most `cap` characters shown (then "…"); the tooltip holds the label and the whole text.
 */
export function OutsideText({ text, source, cap }: { text: string; source: OutsideSource; cap: number }) {
  const { pieces, cut } = capText(text, cap);
  const label = outsideLabel(source);
  return (
    <span class="outside" data-source={source} title={`${label}: ${revealedString(text)}`}>
      <span class="outside-label">{label}</span>
      <bdi class="outside-text"><Pieces pieces={pieces} />{cut && <span class="outside-cut">…</span>}</bdi>
    </span>
  );
}
