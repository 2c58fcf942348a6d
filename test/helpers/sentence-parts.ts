// Sentence parts as a reader sees them, with each kind marked, for tests of the UI's wording.
import type { Part } from '../../src/ui/approval/sentence';

/** Text as is; *strong*, #number, <address>, «page text», {source:outside text}, @ISO time. */
export function shown(parts: readonly Part[]): string {
  return parts.map((part) => {
    switch (part.kind) {
      case 'text': return part.text;
      case 'strong': return `*${part.text}*`;
      case 'number': return `#${part.text}`;
      case 'address': return `<${part.address}>`;
      case 'page': return `«${part.text}»`;
      case 'outside': return `{${part.source}:${part.text}}`;
      case 'time': return `@${new Date(part.ms).toISOString()}`;
    }
  }).join('');
}
