import { describe, expect, it } from 'vitest';
import { appendActivity, readActivity } from '../../../src/background/storage/site-store';
import { freshDatabase } from '../../helpers/background-fakes';

describe('activity log', () => {
  it('keeps the newest entries up to the limit and lists them newest first', async () => {
    const db = await freshDatabase();
    for (let i = 0; i < 7; i++) {
      await appendActivity(db, { id: `a${i}`, origin: 'https://registry.example', method: 'personal_sign', summary: { kind: 'connect' }, decision: 'approved', time: 1000 + i }, 5);
    }
    expect((await readActivity(db)).map((entry) => entry.id)).toEqual(['a6', 'a5', 'a4', 'a3', 'a2']);
  });
});
