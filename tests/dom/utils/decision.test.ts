import { describe, expect, it } from 'vitest';
import { decide, SEVERITIES, severityRank } from '@/utils/decision';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('decide', () => {
  it('warns on high and medium, logs low, ignores none by default', () => {
    expect(decide('high', 'like', 'x', settings(), NOW)).toEqual({ mode: 'warn' });
    expect(decide('medium', 'share', 'facebook', settings(), NOW)).toEqual({ mode: 'warn' });
    expect(decide('low', 'comment', 'x', settings(), NOW)).toEqual({ mode: 'log' });
    expect(decide('none', 'like', 'x', settings(), NOW)).toEqual({ mode: 'off', because: 'no-match' });
  });

  it('is off when disabled, paused, or the site is switched off', () => {
    expect(decide('high', 'like', 'x', settings({ enabled: false }), NOW).because).toBe('disabled');
    expect(decide('high', 'like', 'x', settings({ pausedUntil: NOW + 1000 }), NOW).because).toBe('paused');
    expect(decide('high', 'like', 'x', settings({ pausedUntil: NOW - 1 }), NOW).mode).toBe('warn');
    expect(decide('high', 'like', 'x', settings({ sites: { x: false } }), NOW).because).toBe('site-off');
    expect(decide('high', 'like', 'facebook', settings({ sites: { x: false } }), NOW).mode).toBe('warn');
  });

  it('honours a per-action threshold', () => {
    const s = settings({ minSeverityByAction: { like: 'high' } });
    expect(decide('medium', 'like', 'x', s, NOW)).toEqual({ mode: 'off', because: 'below-threshold' });
    expect(decide('high', 'like', 'x', s, NOW).mode).toBe('warn');
    expect(decide('medium', 'share', 'x', s, NOW).mode).toBe('warn');
  });

  it('maps severities through actionBySeverity', () => {
    const s = settings({ actionBySeverity: { high: 'block', medium: 'warn_reason', low: 'off' } });
    expect(decide('high', 'like', 'x', s, NOW).mode).toBe('block');
    expect(decide('medium', 'like', 'x', s, NOW).mode).toBe('warn_reason');
    expect(decide('low', 'like', 'x', s, NOW).mode).toBe('off');
  });
});

describe('severities', () => {
  it('rank in rising order, none lowest', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([0, 1, 2, 3]);
    expect(severityRank('high')).toBeGreaterThan(severityRank('medium'));
  });
});
