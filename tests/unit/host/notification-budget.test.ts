import { describe, expect, it } from 'vitest';
import { NotificationBudget } from '../../../src/host/notification-budget.js';

describe('NotificationBudget', () => {
  it('admits up to the per-call budget, then drops and counts until the call ends', () => {
    const budget = new NotificationBudget(() => 0, { perCall: 3, perSecond: 100 });
    expect([1, 2, 3, 4, 5].map(() => budget.admit())).toEqual([true, true, true, false, false]);
    expect(budget.endCall('callTool')).toBe(
      'the host dropped 2 notifications the component sent in callTool: over its budget of 3 per call and 100 per second',
    );
    expect(budget.admit()).toBe(true);
    expect(budget.endCall('callTool')).toBeUndefined();
  });

  it('admits up to the per-second budget across calls, and again in the next second', () => {
    let now = 0;
    const budget = new NotificationBudget(() => now, { perCall: 100, perSecond: 2 });
    expect([budget.admit(), budget.admit()]).toEqual([true, true]);
    budget.endCall('callTool');
    now = 999;
    expect(budget.admit()).toBe(false);
    expect(budget.endCall('callTool')).toMatch(/dropped 1 notification the component sent in callTool/);
    now = 1000;
    expect(budget.admit()).toBe(true);
  });
});
