/**
 * Policy locks hold (issue #19, item 3): under an agency policy, nothing in the user's own settings
 * turns an action the policy blocks into no action — not the thresholds, not the training date, not
 * switching every site or every severity off when switching off is forbidden.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '@/utils/decision';
import { DEFAULT_SETTINGS, evaluationTime, type Settings } from '@/utils/settings';
import { applyPolicy, parsePolicy, type Policy } from '@/utils/policy';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

/** The user of the issue: every threshold at "high" and training mode on 2000-01-01. */
const WEAKENED = settings({
  minSeverityByAction: { like: 'high', share: 'high', comment: 'high', post: 'high', follow: 'high' },
  simulatedDate: '2000-01-01',
});
const STRICT: Policy = { allowUserDisable: false, actionBySeverity: { high: 'block', medium: 'block' } };

describe('applyPolicy: thresholds and the training date follow the policy', () => {
  it('the issue\'s reproduction: a blocked medium like stays blocked whatever the user set', () => {
    // before the fix, the "high" threshold turned this blocked like into no action at all
    expect(decide('medium', 'like', 'x', WEAKENED, NOW).mode).toBe('off');
    const { settings: effective, locked } = applyPolicy(WEAKENED, STRICT);
    expect(decide('medium', 'like', 'x', effective, NOW)).toEqual({ mode: 'block' });
    expect(effective.simulatedDate).toBeUndefined();
    expect(evaluationTime(effective, NOW).getTime()).toBe(NOW);
    expect(locked.has('minSeverityByAction')).toBe(true);
    expect(locked.has('simulatedDate')).toBe(true);
  });

  it('any policy at all (even one with only an update URL) ignores the user\'s thresholds and training date', () => {
    const { settings: effective, locked } = applyPolicy(WEAKENED, { updateUrls: ['https://aturan.example.go.id/b.json'] });
    expect(effective.minSeverityByAction).toEqual({});
    expect(effective.simulatedDate).toBeUndefined();
    expect([...locked].sort()).toEqual(['minSeverityByAction', 'simulatedDate']);
  });

  it('no policy: the user\'s own thresholds and training date apply, nothing is locked', () => {
    const { settings: effective, locked, managed } = applyPolicy(WEAKENED, {});
    expect(effective.minSeverityByAction).toEqual(WEAKENED.minSeverityByAction);
    expect(effective.simulatedDate).toBe('2000-01-01');
    expect(locked.size).toBe(0);
    expect(managed).toBe(false);
  });

  it('allowTrainingMode: true lets the user set a training date', () => {
    const { settings: effective, locked } = applyPolicy(WEAKENED, { ...STRICT, allowTrainingMode: true });
    expect(effective.simulatedDate).toBe('2000-01-01');
    expect(locked.has('simulatedDate')).toBe(false);
  });

  it('the agency\'s own minSeverityByAction applies and is locked (missing kinds count from low)', () => {
    const { settings: effective, locked } = applyPolicy(WEAKENED, { ...STRICT, minSeverityByAction: { follow: 'medium' } });
    expect(effective.minSeverityByAction).toEqual({ follow: 'medium' });
    expect(decide('low', 'follow', 'x', effective, NOW).because).toBe('below-threshold');
    expect(decide('medium', 'like', 'x', effective, NOW).mode).toBe('block');
    expect(locked.has('minSeverityByAction')).toBe(true);
  });

  it('allowUserThresholds: true lets the user choose (unless the agency set thresholds itself)', () => {
    const allowed = applyPolicy(WEAKENED, { ...STRICT, allowUserThresholds: true });
    expect(allowed.settings.minSeverityByAction).toEqual(WEAKENED.minSeverityByAction);
    expect(allowed.locked.has('minSeverityByAction')).toBe(false);
    const agency = applyPolicy(WEAKENED, { ...STRICT, allowUserThresholds: true, minSeverityByAction: { like: 'medium' } });
    expect(agency.settings.minSeverityByAction).toEqual({ like: 'medium' });
    expect(agency.locked.has('minSeverityByAction')).toBe(true);
  });

  it('parses the new keys and refuses bad values with a warning', () => {
    const { policy, warnings } = parsePolicy({
      allowTrainingMode: true,
      allowUserThresholds: false,
      minSeverityByAction: { like: 'high', share: 'medium' },
    });
    expect(policy).toEqual({ allowTrainingMode: true, allowUserThresholds: false, minSeverityByAction: { like: 'high', share: 'medium' } });
    expect(warnings).toEqual([]);
    const bad = parsePolicy({ allowTrainingMode: 'yes', minSeverityByAction: { like: 'none' } });
    expect(bad.policy).toEqual({});
    expect(bad.warnings.map((w) => w.split(':')[0]).sort()).toEqual(['allowTrainingMode', 'minSeverityByAction']);
    expect(parsePolicy({ minSeverityByAction: { wink: 'high' } }).policy).toEqual({});
  });
});

describe('applyPolicy: what else could undo a policy', () => {
  it('actionBySeverity from the policy: severities it leaves out take the defaults, not the user\'s', () => {
    const user = settings({ actionBySeverity: { high: 'off', medium: 'off', low: 'off' } });
    const { settings: effective } = applyPolicy(user, { actionBySeverity: { high: 'block' } });
    expect(effective.actionBySeverity).toEqual({ high: 'block', medium: 'warn', low: 'log' });
  });

  it('allowUserDisable: false — every site off is the extension off: the sites stay on', () => {
    const user = settings({ sites: { x: false, facebook: false, instagram: false, tiktok: false, youtube: false, threads: false, whatsapp: false } });
    const { settings: effective, locked } = applyPolicy(user, { allowUserDisable: false });
    expect(Object.values(effective.sites).every((on) => on)).toBe(true);
    expect(decide('high', 'like', 'x', effective, NOW).mode).toBe('warn');
    expect(locked.has('sites')).toBe(true);
    // allowed to switch off: the user's per-site switches stand
    expect(applyPolicy(user, { allowUserDisable: true }).settings.sites.x).toBe(false);
  });

  it('allowUserDisable: false — a severity switched to "off" or "log" is no weaker than the default', () => {
    const user = settings({ actionBySeverity: { high: 'off', medium: 'log', low: 'off' } });
    const { settings: effective } = applyPolicy(user, { allowUserDisable: false });
    expect(effective.actionBySeverity).toEqual({ high: 'warn', medium: 'warn', low: 'log' });
    // stricter choices are kept
    const strict = settings({ actionBySeverity: { high: 'block', medium: 'warn_reason', low: 'warn' } });
    expect(applyPolicy(strict, { allowUserDisable: false }).settings.actionBySeverity).toEqual(strict.actionBySeverity);
  });
});
