/**
 * A tab set (rules/tab-set.ts) judges actions locally and asks the background's full rule set only when
 * its escalation filter says the full verdict could differ: a regional candidate is still warned in a tab
 * without a region; when the background does not answer (error, timeout) the tab's own verdict decides and
 * the site health counts it.
 */
import { describe, expect, it, vi } from 'vitest';
import { assessAction, type PipelineEffects } from '@/entrypoints/content/pipeline';
import type { ContentState } from '@/entrypoints/content/state';
import type { DetectedAction } from '@/entrypoints/content/sites/types';
import { compileBundle } from '@/rules/compile';
import { loadEngine, type Verdict } from '@/rules/engine';
import { loadEngine as loadCoreEngine } from '@/rules/engine-core';
import { FullSetFilter } from '@/rules/full-set-filter';
import { tabRules } from '@/rules/tab-set';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { devBundle } from '../background/helpers';

const bundle = devBundle();
const fullCompiled = compileBundle(bundle);
const full = loadEngine(fullCompiled);
const tabCompiled = tabRules(bundle, fullCompiled);
const NOW = Date.parse('2024-11-20T10:00:00+07:00');

const state = (): ContentState => ({
  settings: DEFAULT_SETTINGS,
  // as the content script loads it: the core engine, without the word lists (rules/engine-core.ts)
  engine: loadCoreEngine(tabCompiled),
  fullSet: FullSetFilter.of(tabCompiled),
  siteSelectors: {},
  fullExplanations: 0,
  ready: true,
  whenReady: Promise.resolve(),
});

const action = (text: string): DetectedAction => ({ site: 'facebook', action: 'share', detail: 'share', control: document.createElement('button'), content: { text } });
const REGIONAL = action('Dukung Khofifah-Emil untuk Jatim');

function effects(fullVerdict: PipelineEffects['fullVerdict']) {
  return {
    showDialog: vi.fn<PipelineEffects['showDialog']>(async () => ({ choice: 'cancel' as const })),
    log: vi.fn<PipelineEffects['log']>(),
    countFullExplanation: vi.fn(),
    now: () => NOW,
    fullVerdict: vi.fn(fullVerdict),
    fullSetUnchecked: vi.fn(),
    fullVerdictTimeoutMs: 50,
  };
}

const background: PipelineEffects['fullVerdict'] = async (content, context) => full.evaluate(content, context);

describe('a tab without a region (the national tab set)', () => {
  it('warns on a regional candidate: the tab set alone finds nothing, the full verdict does', async () => {
    const local = loadEngine(tabCompiled).evaluate(REGIONAL.content, { at: new Date(NOW) });
    const want = full.evaluate(REGIONAL.content, { at: new Date(NOW) });
    expect(local.severity).toBe('none');
    expect(want.severity).not.toBe('none');
    const fx = effects(background);
    const assessment = assessAction(REGIONAL, state(), fx);
    if (!assessment.hold) throw new Error('expected a hold for the full verdict');
    expect(await assessment.present()).toBe('cancel');
    expect(fx.fullVerdict).toHaveBeenCalledWith(REGIONAL.content, expect.objectContaining({ at: new Date(NOW).toISOString(), site: 'facebook', action: 'share' }));
    expect(fx.showDialog).toHaveBeenCalledWith(expect.objectContaining({ severity: want.severity, reasons: want.reasons.filter((r) => r.severity !== 'none') }));
    expect(fx.fullSetUnchecked).not.toHaveBeenCalled();
  });

  it('decides a national post and everyday text locally, synchronously, without asking', () => {
    for (const text of ['Selamat pagi, semoga harimu menyenangkan', 'Rapat koordinasi dinas pukul 09.00 di aula']) {
      const fx = effects(background);
      expect(assessAction(action(text), state(), fx)).toEqual({ hold: false });
      expect(fx.fullVerdict).not.toHaveBeenCalled();
    }
    const fx = effects(background);
    const national = assessAction(action('Ayo coblos Prabowo-Gibran nomor 02! #PrabowoGibran2024'), state(), fx);
    expect(national.hold).toBe(true);
    expect(fx.fullVerdict).not.toHaveBeenCalled();
  });

  it.each([
    ['the background fails', async () => Promise.reject(new Error('Could not establish connection'))],
    ['the background does not answer in time', () => new Promise<Verdict>(() => {})],
    ['the answer is no verdict', async () => ({}) as Verdict],
  ])('when %s, the tab decides with its own verdict and counts it', async (_name, answer) => {
    const fx = effects(answer);
    const assessment = assessAction(REGIONAL, state(), fx);
    if (!assessment.hold) throw new Error('expected a hold for the full verdict');
    // the tab set's own verdict: nothing found, so the action goes through
    expect(await assessment.present()).toBe('proceed');
    expect(fx.fullSetUnchecked).toHaveBeenCalledTimes(1);
    expect(fx.showDialog).not.toHaveBeenCalled();
  });

  it('without a background to ask, also the local verdict, counted', async () => {
    const fx = { ...effects(background), fullVerdict: undefined };
    const assessment = assessAction(REGIONAL, state(), fx);
    if (!assessment.hold) throw new Error('expected a hold');
    expect(await assessment.present()).toBe('proceed');
    expect(fx.fullSetUnchecked).toHaveBeenCalledTimes(1);
  });
});

describe('a name only the words beside it can confirm (the tab engine carries no word lists)', () => {
  // Paraphrased: "RK" (Ridwan Kamil, Pilgub Jakarta) is a context-requiring short name; praise beside an
  // honorific confirms it, which only the full engine reads.
  const wholeSet = (): ContentState => ({ ...state(), engine: loadCoreEngine(fullCompiled), fullSet: undefined });
  const PRAISED = action('Pak RK keren');
  it('asks the full engine, and warns by its verdict', async () => {
    expect(loadCoreEngine(fullCompiled).evaluate(PRAISED.content, { at: new Date(NOW) }).incomplete).toBe(true);
    const fx = effects(background);
    const assessment = assessAction(PRAISED, wholeSet(), fx);
    if (!assessment.hold) throw new Error('expected a hold for the full verdict');
    expect(await assessment.present()).toBe('cancel');
    expect(fx.fullVerdict).toHaveBeenCalledTimes(1);
    expect(fx.showDialog).toHaveBeenCalledWith(expect.objectContaining({ severity: 'medium' }));
  });
  it('without an answer the tab verdict decides and the health counts it', async () => {
    const fx = effects(async () => Promise.reject(new Error('Could not establish connection')));
    const assessment = assessAction(PRAISED, wholeSet(), fx);
    expect(assessment.hold ? await assessment.present() : 'proceed').toBe('proceed');
    expect(fx.fullSetUnchecked).toHaveBeenCalledTimes(1);
    expect(fx.showDialog).not.toHaveBeenCalled();
  });
});

