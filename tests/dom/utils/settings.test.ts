import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, evaluationTime, parseSettings, type Settings } from '@/utils/settings';
import { applyPolicy, parsePolicy } from '@/utils/policy';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

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
