import { describe, expect, it } from 'vitest';
import { routeOfHash } from '../../../src/ui/lib/route-of-hash';

describe('the screen a popup window opens on', () => {
  it('opens Activity for #activity, the window wallet_showCallsStatus opens', () => {
    expect(routeOfHash('#activity')).toEqual({ name: 'activity' });
  });

  it('opens the Votes screen for #votes, the window a vote reminder opens', () => {
    expect(routeOfHash('#votes')).toEqual({ name: 'votes' });
  });

  it('leaves any other address, or a property name of objects, to the wallet\'s status', () => {
    for (const hash of ['', '#', '#home', '#toString', '#__proto__', '#votes?x']) expect(routeOfHash(hash)).toBeUndefined();
  });
});
