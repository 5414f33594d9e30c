import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, decide, evaluationTime, parseSettings, type Settings } from '@/utils/settings';
import { applyPolicy, parsePolicy } from '@/utils/policy';

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

describe('settings', () => {
  it('falls back to the defaults on broken stored values, and fills missing keys', () => {
    expect(parseSettings({ enabled: 'yes' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ language: 'en' })).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });

  it('judges at the training date when one is set, else now', () => {
    expect(evaluationTime(settings(), NOW).getTime()).toBe(NOW);
    expect(evaluationTime(settings({ simulatedDate: '2024-01-20' }), NOW).toISOString()).toBe('2024-01-20T05:00:00.000Z');
    expect(parseSettings({ simulatedDate: '20-01-2024' })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('policy', () => {
  it('applies valid keys and ignores invalid ones with a warning each', () => {
    const { policy, warnings } = parsePolicy({
      actionBySeverity: { high: 'block' },
      updateIntervalHours: 'often',
      enabledSites: ['x', 'facebook'],
      nonsense: 1,
    });
    expect(policy).toEqual({ actionBySeverity: { high: 'block' }, enabledSites: ['x', 'facebook'] });
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).toMatch(/updateIntervalHours/);
    expect(warnings.join('\n')).toMatch(/nonsense/);
  });

  it('locks what the policy sets, and forces enabled/unpaused when the agency says so', () => {
    const user = settings({ enabled: false, pausedUntil: NOW + 3_600_000, sites: { tiktok: false } });
    const effective = applyPolicy(user, { allowUserDisable: false, allowPause: false, enabledSites: ['x'] });
    expect(effective.settings.enabled).toBe(true);
    expect(effective.settings.pausedUntil).toBe(0);
    expect(effective.settings.sites.x).toBe(true);
    expect(effective.settings.sites.facebook).toBe(false);
    expect([...effective.locked].sort()).toEqual(['enabled', 'minSeverityByAction', 'pausedUntil', 'simulatedDate', 'sites']);
    expect(effective.managed).toBe(true);
    expect(applyPolicy(user, {}).managed).toBe(false);
  });
});
