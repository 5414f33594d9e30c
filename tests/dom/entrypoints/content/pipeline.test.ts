import { afterEach, describe, expect, it, vi } from 'vitest';
import { assessAction, FULL_EXPLANATIONS_BEFORE_SHORT, PHOTO_NOTICE_AFTER_MS, type PipelineEffects } from '@/entrypoints/content/pipeline';
import type { ContentState } from '@/entrypoints/content/state';
import type { DetectedAction } from '@/entrypoints/content/sites/types';
import type { Engine, Verdict } from '@/rules/engine';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const NOW = Date.parse('2026-11-23T10:00:00Z');

function fakeEngine(verdict: Verdict) {
  const evaluate = vi.fn<Engine['evaluate']>(() => verdict);
  return { engine: { bundleVersion: 1, evaluate } as unknown as Engine, evaluate };
}

const reason = {
  kind: 'hashtag',
  entityId: 'pilpres-2024-02',
  label: 'Pilpres 2024, nomor urut 02: Prabowo Subianto – Gibran Rakabuming Raka',
  field: 'text' as const,
  span: [16, 33] as [number, number],
  matched: 'PrabowoGibran2024',
  severity: 'high' as const,
};

const detected: DetectedAction = {
  site: 'x',
  action: 'like',
  detail: 'like',
  control: document.createElement('button'),
  content: { text: 'Ayo coblos 02! #PrabowoGibran2024' },
};

function effects(choice: 'proceed' | 'cancel' = 'cancel') {
  return {
    showDialog: vi.fn<PipelineEffects['showDialog']>(async () => ({ choice })),
    log: vi.fn<PipelineEffects['log']>(),
    countFullExplanation: vi.fn<PipelineEffects['countFullExplanation']>(),
    now: () => NOW,
  };
}

const state = (over: Partial<ContentState> = {}): ContentState => ({
  settings: DEFAULT_SETTINGS,
  engine: null,
  siteSelectors: {},
  fullExplanations: 0,
  ready: true,
  whenReady: Promise.resolve(),
  ...over,
});

describe('assessAction', () => {
  it('passes everything through when no rules came within the wait for them', () => {
    expect(assessAction(detected, state(), effects())).toEqual({ hold: false });
  });

  it('holds an action until the state is ready, then decides with the policy, never the user settings alone', async () => {
    const { engine } = fakeEngine({ severity: 'high', reasons: [reason] });
    let ready!: () => void;
    const s = state({ engine, ready: false, whenReady: new Promise<void>((r) => (ready = r)) });
    const fx = effects('proceed');
    const assessment = assessAction(detected, s, fx);
    if (!assessment.hold) throw new Error('expected a hold before the policy is known');
    const answer = assessment.present();
    // the agency policy arrives: block high
    s.settings = { ...DEFAULT_SETTINGS, actionBySeverity: { high: 'block', medium: 'block', low: 'log' } };
    s.ready = true;
    ready();
    expect(await answer).toBe('cancel');
    expect(fx.showDialog).toHaveBeenCalledWith(expect.objectContaining({ mode: 'block' }));
  });

  it('before the policy is known, an action the rules find nothing in passes at once', () => {
    const { engine } = fakeEngine({ severity: 'none', reasons: [] });
    const fx = effects();
    expect(assessAction(detected, state({ engine, ready: false, whenReady: new Promise<void>(() => {}) }), fx)).toEqual({ hold: false });
  });

  it('holds an action while the rules load, and lets a neutral one go once they are there', async () => {
    const { engine } = fakeEngine({ severity: 'none', reasons: [] });
    let ready!: () => void;
    const s = state({ ready: false, whenReady: new Promise<void>((r) => (ready = r)) });
    const fx = effects();
    const assessment = assessAction(detected, s, fx);
    if (!assessment.hold) throw new Error('expected a hold before the rules load');
    const answer = assessment.present();
    s.engine = engine;
    s.ready = true;
    ready();
    expect(await answer).toBe('proceed');
    expect(fx.showDialog).not.toHaveBeenCalled();
  });

  describe('while the policy and the rules are not in yet', () => {
    afterEach(() => vi.useRealTimers());

    it('a hold past PHOTO_NOTICE_AFTER_MS shows the "preparing" notice, gone when the rules are in', async () => {
      vi.useFakeTimers();
      const { engine } = fakeEngine({ severity: 'none', reasons: [] });
      let ready!: () => void;
      const s = state({ ready: false, whenReady: new Promise<void>((r) => (ready = r)) });
      const hide = vi.fn();
      const fx = { ...effects(), showRulesWait: vi.fn(() => hide), rulesUnchecked: vi.fn() };
      const assessment = assessAction(detected, s, fx);
      if (!assessment.hold) throw new Error('expected a hold before the rules load');
      const answer = assessment.present();
      await vi.advanceTimersByTimeAsync(PHOTO_NOTICE_AFTER_MS - 1);
      expect(fx.showRulesWait).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(fx.showRulesWait).toHaveBeenCalledWith('id');
      s.engine = engine;
      s.ready = true;
      ready();
      expect(await answer).toBe('proceed');
      expect(hide).toHaveBeenCalledTimes(1);
      expect(fx.rulesUnchecked).not.toHaveBeenCalled();
    });

    it('a short hold shows no notice', async () => {
      vi.useFakeTimers();
      const { engine } = fakeEngine({ severity: 'none', reasons: [] });
      let ready!: () => void;
      const s = state({ ready: false, whenReady: new Promise<void>((r) => (ready = r)) });
      const fx = { ...effects(), showRulesWait: vi.fn(() => () => {}) };
      const assessment = assessAction(detected, s, fx);
      if (!assessment.hold) throw new Error('expected a hold before the rules load');
      const answer = assessment.present();
      await vi.advanceTimersByTimeAsync(PHOTO_NOTICE_AFTER_MS / 2);
      s.engine = engine;
      s.ready = true;
      ready();
      expect(await answer).toBe('proceed');
      await vi.advanceTimersByTimeAsync(PHOTO_NOTICE_AFTER_MS);
      expect(fx.showRulesWait).not.toHaveBeenCalled();
    });

    it('the wait ends without rules: the action goes ahead, told as unchecked (and every later one counted)', async () => {
      let ready!: () => void;
      const s = state({ ready: false, whenReady: new Promise<void>((r) => (ready = r)) });
      const fx = { ...effects(), rulesUnchecked: vi.fn() };
      const assessment = assessAction(detected, s, fx);
      if (!assessment.hold) throw new Error('expected a hold before the rules load');
      const answer = assessment.present();
      s.ready = true;
      ready();
      expect(await answer).toBe('proceed');
      expect(fx.rulesUnchecked).toHaveBeenCalledTimes(1);
      expect(assessAction(detected, s, fx)).toEqual({ hold: false });
      expect(fx.rulesUnchecked).toHaveBeenCalledTimes(2);
      expect(fx.showDialog).not.toHaveBeenCalled();
    });
  });

  it('holds a high-severity action and presents the engine reasons, logging the decision', async () => {
    const { engine, evaluate } = fakeEngine({ severity: 'high', reasons: [reason] });
    const fx = effects('proceed');
    const assessment = assessAction(detected, state({ engine }), fx);
    expect(assessment.hold).toBe(true);
    if (!assessment.hold) return;
    expect(await assessment.present()).toBe('proceed');
    expect(evaluate.mock.calls[0]![1]).toMatchObject({ site: 'x', action: 'like', at: new Date(NOW) });
    expect(fx.showDialog).toHaveBeenCalledWith(
      expect.objectContaining({ mode: 'warn', severity: 'high', reasons: [reason], language: 'id', compact: false }),
    );
    expect(fx.log).toHaveBeenCalledWith(
      expect.objectContaining({ decision: 'proceeded', entities: [reason.label], site: 'x', action: 'like' }),
    );
    // No post text in the log unless the user opted in.
    expect(fx.log.mock.calls[0]![0]).not.toHaveProperty('text');
  });

  it('logs low severity without holding (default settings)', () => {
    const { engine } = fakeEngine({ severity: 'low', reasons: [{ ...reason, severity: 'low' }] });
    const fx = effects();
    expect(assessAction(detected, state({ engine }), fx)).toEqual({ hold: false });
    expect(fx.log).toHaveBeenCalledWith(expect.objectContaining({ decision: 'logged', severity: 'low' }));
  });

  it('never lets a blocked action proceed', async () => {
    const { engine } = fakeEngine({ severity: 'high', reasons: [reason] });
    const fx = effects('proceed');
    const settings = { ...DEFAULT_SETTINGS, actionBySeverity: { high: 'block' as const, medium: 'warn' as const, low: 'log' as const } };
    const assessment = assessAction(detected, state({ engine, settings }), fx);
    if (!assessment.hold) throw new Error('expected a hold');
    expect(await assessment.present()).toBe('cancel');
    expect(fx.log).toHaveBeenCalledWith(expect.objectContaining({ decision: 'blocked' }));
  });

  it('uses the short explanation after the full one was shown several times', async () => {
    const { engine } = fakeEngine({ severity: 'high', reasons: [reason] });
    const fx = effects();
    const assessment = assessAction(detected, state({ engine, fullExplanations: FULL_EXPLANATIONS_BEFORE_SHORT }), fx);
    if (!assessment.hold) throw new Error('expected a hold');
    await assessment.present();
    expect(fx.showDialog).toHaveBeenCalledWith(expect.objectContaining({ compact: true }));
    expect(fx.countFullExplanation).not.toHaveBeenCalled();
  });

  it('judges at the training date and keeps post text in the log only when opted in', async () => {
    const { engine, evaluate } = fakeEngine({ severity: 'high', reasons: [reason] });
    const fx = effects();
    const settings = { ...DEFAULT_SETTINGS, simulatedDate: '2024-01-20', logContent: true };
    const assessment = assessAction(detected, state({ engine, settings }), fx);
    if (!assessment.hold) throw new Error('expected a hold');
    await assessment.present();
    expect((evaluate.mock.calls[0]![1].at as Date).toISOString()).toBe('2024-01-20T05:00:00.000Z');
    expect(fx.log).toHaveBeenCalledWith(expect.objectContaining({ text: 'Ayo coblos 02! #PrabowoGibran2024' }));
  });

  it('a dialog that fails in block mode never turns into a proceed (logged as blocked)', async () => {
    const { engine } = fakeEngine({ severity: 'high', reasons: [reason] });
    const fx = effects();
    fx.showDialog.mockRejectedValue(new Error('the page removed the dialog'));
    const settings = { ...DEFAULT_SETTINGS, actionBySeverity: { high: 'block' as const, medium: 'warn' as const, low: 'log' as const } };
    const assessment = assessAction(detected, state({ engine, settings }), fx);
    if (!assessment.hold) throw new Error('expected a hold');
    expect(await assessment.present()).toBe('cancel');
    expect(fx.log).toHaveBeenCalledWith(expect.objectContaining({ decision: 'blocked', reason: expect.stringMatching(/removed/) }));
  });

  it('a dialog that fails in warn mode rejects, so the interceptor fails open and records it', async () => {
    const { engine } = fakeEngine({ severity: 'high', reasons: [reason] });
    const fx = effects();
    fx.showDialog.mockRejectedValue(new Error('the dialog crashed'));
    const assessment = assessAction(detected, state({ engine }), fx);
    if (!assessment.hold) throw new Error('expected a hold');
    await expect(assessment.present()).rejects.toThrow('the dialog crashed');
  });
});
