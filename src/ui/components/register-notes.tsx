// What a restricted token's register (ERC-3643, ERC-7943) says of an account, under its figures, and of
// the token itself on its card: read with the figures, so as old as the network's "as of" line says.
// Each note carries data-fact (holdings-text.ts names them), which the end-to-end tests read.
import type { TokenRegisterView } from '../../protocol/holdings';
import type { RegisterStatus } from '../lib/holdings';
import { registerNotes, tokenRegisterNote } from '../lib/holdings-text';

export function RegisterNotes({ status }: { status: RegisterStatus | undefined }) {
  if (status === undefined) return null;
  const notes = registerNotes(status);
  if (notes.length === 0) return null;
  return (
    <ul class="register-notes">
      {notes.map((note) => <li key={note.fact} class={`register-note register-${note.fact}`} data-fact={note.fact}>{note.text}</li>)}
    </ul>
  );
}

export function TokenRegisterNote({ register }: { register: TokenRegisterView | undefined }) {
  const note = tokenRegisterNote(register);
  return note === undefined ? null : <p class="register-note register-paused" data-fact="paused">{note}</p>;
}
