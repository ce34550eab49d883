import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createRawTables } from '../helpers/rawFixtures';

/**
 * Worked example of 30-minute sessions (seed 002). User A: 10:00, 10:29 (29 min gap: same
 * session), 11:00 (31 min: new), 11:10; user B: 10:00, then the next day. Two events at the
 * same instant are ordered by event_id.
 */
describe('silver fct_events sessions', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createRawTables(
      db,
      [
        { id: 1, user: 'A', at: '2024-03-01 10:00:00' },
        { id: 2, user: 'A', at: '2024-03-01 10:29:00' },
        { id: 3, user: 'A', at: '2024-03-01 11:00:00' },
        { id: 5, user: 'A', at: '2024-03-01 11:10:00' },
        { id: 4, user: 'A', at: '2024-03-01 11:10:00' },
        { id: 6, user: 'B', at: '2024-03-01 10:00:00' },
        { id: 7, user: 'B', at: '2024-03-02 10:00:00' },
      ],
      '2024-03-31',
    );
    await runAll(db);
  });
  afterAll(() => db.close());

  it('starts a session after 30 minutes without events and numbers events within it', async () => {
    expect(await rows(db, 'SELECT event_id, session_id, is_session_start, event_sequence_in_session AS seq FROM fct_events ORDER BY user_id, event_time, event_id')).toEqual([
      { event_id: 1, session_id: 'A-1', is_session_start: 1, seq: 1 },
      { event_id: 2, session_id: 'A-1', is_session_start: 0, seq: 2 },
      { event_id: 3, session_id: 'A-2', is_session_start: 1, seq: 1 },
      { event_id: 4, session_id: 'A-2', is_session_start: 0, seq: 2 },
      { event_id: 5, session_id: 'A-2', is_session_start: 0, seq: 3 },
      { event_id: 6, session_id: 'B-1', is_session_start: 1, seq: 1 },
      { event_id: 7, session_id: 'B-2', is_session_start: 1, seq: 1 },
    ]);
  });

  it('counts each user-day\'s sessions and feature events in the daily grid', async () => {
    // A: four events on 1 March in two sessions, all report_view (a feature event) by default.
    const types = await rows(db, `SELECT DISTINCT event_type FROM stg_events`);
    expect(types).toEqual([{ event_type: 'report_view' }]);
    expect(await rows(db, 'SELECT user_id, strftime(event_date, \'%d\') AS d, events, sessions, feature_events FROM fct_user_days ORDER BY ALL')).toEqual([
      { user_id: 'A', d: '01', events: 5, sessions: 2, feature_events: 5 },
      { user_id: 'B', d: '01', events: 1, sessions: 1, feature_events: 1 },
      { user_id: 'B', d: '02', events: 1, sessions: 1, feature_events: 1 },
    ]);
  });
});
