import { beforeEach, describe, expect, it } from 'vitest';
import tiktok from '@/entrypoints/content/sites/tiktok';
import { $, click, loadFixture } from './load-fixture';

/** TikTok's mobile web swiper: `video-slide-*` slides, `video-like-button` / `video-share-button` / `video-follow` tags. */
describe('TikTok adapter, mobile web layout', () => {
  beforeEach(() => {
    tiktok.reset();
    loadFixture('tiktok/mobile-feed-en.html');
  });

  it('like (video-like-button, no role, no label): the video in its slide', () => {
    const r = click(tiktok, $('#ttm-1-like svg'));
    expect(r).toMatchObject({ site: 'tiktok', action: 'like', detail: 'like' });
    expect(r!.control).toBe($('#ttm-1-like'));
    expect(r!.byLabel).toBeUndefined();
    expect(r!.content).toMatchObject({
      text: 'Vote 02! Prabowo-Gibran, keep building #PrabowoGibran2024',
      handle: 'relawan.garuda02',
      hashtags: ['PrabowoGibran2024'],
      group: 'original sound - Relawan Garuda 02',
    });
  });

  it('a like in another slide reads that slide, not the first', () => {
    expect(click(tiktok, $('#ttm-2-like'))!.content).toMatchObject({ handle: 'dapur.nusantara', text: 'Easy rendang in 30 minutes #resep' });
  });

  it('share (video-share-button) and follow (video-follow) are about their slide', () => {
    expect(click(tiktok, $('#ttm-1-share'))).toMatchObject({ action: 'share', detail: 'share', content: { handle: 'relawan.garuda02' } });
    expect(click(tiktok, $('#ttm-1-follow'))).toMatchObject({ action: 'follow', content: { handle: 'relawan.garuda02' } });
  });

  it('comment: the panel\'s Post is about the video whose comment button opened it', () => {
    expect(click(tiktok, $('#ttm-1-comment'))).toBeNull();
    const r = click(tiktok, $('#ttm-comment-post'));
    expect(r).toMatchObject({ action: 'comment', detail: 'comment' });
    expect(r!.content).toMatchObject({ draft: 'Agreed, 02 all the way', handle: 'relawan.garuda02' });
    // opened from the second slide, the panel is about that video (not the first one in the page)
    expect(click(tiktok, $('#ttm-2-comment'))).toBeNull();
    expect(click(tiktok, $('#ttm-comment-post'))!.content).toMatchObject({ handle: 'dapur.nusantara' });
  });
});
