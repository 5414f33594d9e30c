/** Adapter health: counted per site, batched off the click path, never thrown. */
import { beforeEach, describe, expect, it } from 'vitest';
import facebook from '@/entrypoints/content/sites/facebook';
import youtube from '@/entrypoints/content/sites/youtube';
import { emptyCounts, mergeHealth, withHealth } from '@/entrypoints/content/health';
import { parseSiteHealth, type SiteHealthCounts } from '@/utils/site-health';
import { $, click, loadFixture } from './sites/load-fixture';

function harness(adapter = facebook) {
  const saved: [string, SiteHealthCounts][] = [];
  const timers: (() => void)[] = [];
  let clock = 1000;
  const wrapped = withHealth(adapter, {
    save: (site, delta) => saved.push([site, delta]),
    now: () => (clock += 2000), // every call is a fresh press (no pointerdown/click pairing)
    setTimer: (fn) => void timers.push(fn),
  });
  return { wrapped, saved, timers, flush: () => {
      for (const fn of timers.splice(0)) fn();
    } };
}

describe('withHealth', () => {
  beforeEach(() => {
    facebook.reset();
    loadFixture('facebook/story-2018-en.html');
    document.body.insertAdjacentHTML('beforeend', '<div id="side"><button type="button" id="lonely">Follow</button></div>');
  });

  it('returns what the adapter returns, and writes nothing until the timer fires', () => {
    const h = harness();
    const r = click(h.wrapped, $('#fb18-1-like'));
    expect(r).toEqual(click(facebook, $('#fb18-1-like')));
    expect(h.saved).toEqual([]);
    expect(h.timers).toHaveLength(1);
    click(h.wrapped, $('#fb18-2-like'));
    expect(h.timers).toHaveLength(1); // one batch
    h.flush();
    expect(h.saved).toHaveLength(1);
    const [site, delta] = h.saved[0]!;
    expect(site).toBe('facebook');
    expect(delta).toMatchObject({ detected: 2, blind: 0, unrecognised: 0 });
    // which hooks matched the detected controls: the like hook and the post container
    expect(delta.hooks).toMatchObject({ 'like:like': 2, 'like:post': 2 });
  });

  it('counts unrecognised action-like presses by label (never thrown), and blind reads', () => {
    const h = harness();
    expect(click(h.wrapped, $('#lonely'))).toBeNull();
    expect(click(h.wrapped, $('#side'))).toBeNull(); // not action-like: not counted
    h.flush();
    expect(h.saved[0]![1]).toMatchObject({ unrecognised: 1, labels: { follow: 1 }, detected: 0 });

    loadFixture('youtube/watch-2018-en.html');
    document.querySelector('ytd-video-primary-info-renderer h1')!.remove();
    document.querySelector('ytd-video-secondary-info-renderer')!.remove();
    const y = harness(youtube);
    click(y.wrapped, $('button[aria-label^="like this video"]'));
    y.flush();
    expect(y.saved[0]![1]).toMatchObject({ detected: 1, blind: 1 });
  });

  it('a pointerdown announcing the click and the click itself count once', () => {
    const saved: SiteHealthCounts[] = [];
    const timers: (() => void)[] = [];
    const wrapped = withHealth(facebook, { save: (_s, d) => saved.push(d), now: () => 5000, setTimer: (fn) => void timers.push(fn) });
    click(wrapped, $('#fb18-1-like'));
    click(wrapped, $('#fb18-1-like'));
    click(wrapped, $('#lonely'));
    click(wrapped, $('#lonely'));
    timers[0]!();
    expect(saved[0]).toMatchObject({ detected: 1, unrecognised: 1 });
  });
});

describe('stored counters', () => {
  it('merge adds to what is stored; unreadable storage starts over', () => {
    const one = { ...emptyCounts(), detected: 2, blind: 1, labels: { suka: 1 }, at: 5 };
    const stored = mergeHealth(mergeHealth({}, 'instagram', one), 'instagram', { ...one, labels: { suka: 2, like: 1 }, at: 9 });
    expect(stored.instagram).toMatchObject({ detected: 4, blind: 2, labels: { suka: 3, like: 1 }, at: 9 });
    expect(parseSiteHealth(stored)).toEqual(stored);
    expect(parseSiteHealth({ instagram: { detected: 'lots' } })).toEqual({});
    expect(parseSiteHealth(null)).toEqual({});
  });
});

describe('actions judged without the full verdict they needed (rulesUnchecked)', () => {
  it('are counted per site, batched, and added up by merge', () => {
    const h = harness();
    h.wrapped.countRulesUnchecked();
    h.flush();
    expect(h.saved[0]).toEqual(['facebook', expect.objectContaining({ rulesUnchecked: 1, detected: 0 })]);
    const merged = mergeHealth(parseSiteHealth({ facebook: { ...emptyCounts(), at: 1 } }), 'facebook', h.saved[0]![1]);
    expect(merged.facebook).toMatchObject({ rulesUnchecked: 1 });
  });
});

describe('photos sent unchecked (photoUnchecked)', () => {
  it('are counted per site, batched like the rest', () => {
    const h = harness();
    h.wrapped.countPhotoUnchecked();
    h.wrapped.countPhotoUnchecked();
    expect(h.saved).toEqual([]);
    expect(h.timers).toHaveLength(1);
    h.flush();
    expect(h.saved[0]).toEqual(['facebook', expect.objectContaining({ photoUnchecked: 2, detected: 0 })]);
  });

  it('merge adds them up; counters stored before the field existed still read (as 0)', () => {
    const { photoUnchecked: _none, ...old } = { ...emptyCounts(), detected: 3, at: 1 };
    const stored = parseSiteHealth({ x: old });
    expect(stored.x).toMatchObject({ detected: 3 });
    const merged = mergeHealth(stored, 'x', { ...emptyCounts(), photoUnchecked: 1, at: 2 });
    expect(merged.x).toMatchObject({ detected: 3, photoUnchecked: 1 });
  });
});
