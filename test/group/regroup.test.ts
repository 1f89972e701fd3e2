/**
 * Naming events: stable ids, bridge merges keep the older id, splits keep the id with the larger part.
 */
import { describe, expect, it } from 'vitest';
import { placeCommitment, regroup } from '../../src/group/index.js';
import type { EventState, GroupMember } from '../../src/group/index.js';
import { AMBON, member } from './fixtures.js';

const pledge = (url: string, day: string): GroupMember =>
  member({ url, published: day, region: AMBON, eventDate: day, measures: ['pledge'] });

const state = (id: string, seq: number, members: GroupMember[]): EventState => ({ id, seq, memberKeys: members.map((m) => m.key) });

describe('placeCommitment', () => {
  const a = [pledge('https://a.test/1', '2023-11-01'), pledge('https://b.test/1', '2023-11-02')];
  const b = [pledge('https://a.test/2', '2023-11-07'), pledge('https://b.test/2', '2023-11-08')];

  it('joins the event it reports, or starts a new one', () => {
    const events = [{ event: state('ev_a', 1, a), members: a }];
    expect(placeCommitment(pledge('https://c.test/1', '2023-11-03'), events)).toEqual({ eventId: 'ev_a', merged: [] });
    expect(placeCommitment(pledge('https://c.test/9', '2023-11-20'), events)).toEqual({ eventId: null, merged: [] });
  });

  it('a commitment bridging two events merges them into the older one', () => {
    const bridge = pledge('https://c.test/bridge', '2023-11-04');
    const events = [
      { event: state('ev_b', 2, b), members: b },
      { event: state('ev_a', 1, a), members: a },
    ];
    expect(placeCommitment(bridge, events)).toEqual({ eventId: 'ev_a', merged: ['ev_b'] });
    // Age decides, not the order of the candidates nor the size.
    const older = [
      { event: state('ev_a', 7, a), members: a },
      { event: state('ev_b', 3, b), members: b },
    ];
    expect(placeCommitment(bridge, older)).toEqual({ eventId: 'ev_b', merged: ['ev_a'] });
  });
});

describe('regroup', () => {
  const a = [pledge('https://a.test/1', '2023-11-01'), pledge('https://b.test/1', '2023-11-02')];
  const bridge = pledge('https://c.test/bridge', '2023-11-04');
  const b = [pledge('https://a.test/2', '2023-11-07'), pledge('https://b.test/2', '2023-11-08'), pledge('https://c.test/2', '2023-11-06')];

  it('an unchanged event is left alone', () => {
    const plan = regroup({ events: [state('ev_a', 1, a)], members: a });
    expect(plan.events).toEqual([expect.objectContaining({ id: 'ev_a', seq: 1, changed: false })]);
    expect(plan.merged).toEqual([]);
  });

  it('removing the bridge splits the event: the larger part keeps the id, the rest is new', () => {
    const merged = state('ev_a', 1, [...a, bridge, ...b]);
    const plan = regroup({ events: [merged], members: [...a, ...b] });
    expect(plan.events.map((e) => [e.id, e.members.length, e.changed])).toEqual([
      [null, 2, true],
      ['ev_a', 3, true],
    ]);
    expect(plan.dissolved).toEqual([]);
  });

  it('an event whose every commitment is gone is dissolved', () => {
    const plan = regroup({ events: [state('ev_a', 1, a), state('ev_b', 2, b)], members: b });
    expect(plan.dissolved).toEqual(['ev_a']);
    expect(plan.events.map((e) => [e.id, e.changed])).toEqual([['ev_b', false]]);
  });

  it('a changed commitment that moves to another event takes nothing with it', () => {
    const moved = { ...a[1], eventDate: '2023-11-07', publishedAt: '2023-11-07' };
    const plan = regroup({
      events: [state('ev_a', 1, a), state('ev_b', 2, b)],
      members: [a[0], moved, ...b],
      changedKeys: new Set([moved.key]),
    });
    expect(plan.events.map((e) => [e.id, e.members.map((m) => m.url)])).toEqual([
      ['ev_a', ['https://a.test/1']],
      ['ev_b', ['https://c.test/2', 'https://a.test/2', 'https://b.test/1', 'https://b.test/2']],
    ]);
    expect(plan.events.every((e) => e.changed)).toBe(true);
  });
});
