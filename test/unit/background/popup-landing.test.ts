import { describe, expect, it } from 'vitest';
import { createPopupLanding, LANDING_MS } from '../../../src/background/platform/popup-landing';
import { createClock, createFakeStorageArea } from '../../helpers/background-fakes';

describe('where the popup opens after its own transaction was sent', () => {
  it('is Activity for the next popup only, and home again after that', async () => {
    const clock = createClock();
    const landing = createPopupLanding(createFakeStorageArea(), clock.now);
    expect(await landing.take()).toBeUndefined();
    await landing.sent();
    expect(await landing.take()).toBe('activity');
    expect(await landing.take()).toBeUndefined();
  });

  it('is home once the user has moved on for ten minutes, and the mark is gone', async () => {
    const clock = createClock();
    const area = createFakeStorageArea();
    const landing = createPopupLanding(area, clock.now);
    await landing.sent();
    clock.advance(LANDING_MS);
    expect(await landing.take()).toBeUndefined();
    expect(area.items.size).toBe(0);
  });

  it('is home when what is stored is not a time it wrote', async () => {
    const clock = createClock();
    const area = createFakeStorageArea();
    await area.set({ popupLanding: 'activity' });
    expect(await createPopupLanding(area, clock.now).take()).toBeUndefined();
    expect(area.items.size).toBe(0);
  });
});
