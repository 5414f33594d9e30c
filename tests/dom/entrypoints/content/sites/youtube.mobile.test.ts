import { beforeEach, describe, expect, it } from 'vitest';
import youtube from '@/entrypoints/content/sites/youtube';
import { $, click, loadFixture } from './load-fixture';

/** m.youtube.com: the same actions on ytm-* elements. */
describe('YouTube adapter, m.youtube.com layout', () => {
  beforeEach(() => loadFixture('youtube/mobile-watch-id.html'));
  const video = {
    text: 'Kampanye Akbar Prabowo-Gibran di GBK: Ayo coblos 02! #PrabowoGibran2024\nJangan lupa 14 Februari coblos 02! #IndonesiaMaju',
    author: 'Relawan Garuda TV',
    handle: 'relawangarudatv',
    hashtags: ['PrabowoGibran2024', 'IndonesiaMaju'],
  };

  it('like (ytm-like-button-renderer): a like about the video, read from the slim metadata', () => {
    const r = click(youtube, $('#ytm-like path'));
    expect(r).toMatchObject({ site: 'youtube', action: 'like', detail: 'like', control: $('#ytm-like'), content: video });
    expect(r!.byLabel).toBeUndefined();
  });

  it('an already-liked video (aria-pressed) is no action', () => {
    $('#ytm-like').setAttribute('aria-pressed', 'true');
    expect(click(youtube, $('#ytm-like'))).toBeNull();
  });

  it('subscribe (ytm-subscribe-button-renderer) is a follow; subscribed is not', () => {
    expect(click(youtube, $('#ytm-subscribe span'))).toMatchObject({ action: 'follow', detail: 'subscribe', content: { author: 'Relawan Garuda TV' } });
    $('ytm-subscribe-button-renderer').setAttribute('subscribed', '');
    expect(click(youtube, $('#ytm-subscribe'))).toBeNull();
  });

  it('share on the slim action bar', () => {
    expect(click(youtube, $('#ytm-share span'))).toMatchObject({ action: 'share', content: video });
  });

  it('like on a ytm-comment-renderer is about the comment', () => {
    const r = click(youtube, $('#ytm-c1-like'));
    expect(r).toMatchObject({ action: 'like', content: { text: 'Dukung AMIN nomor urut 1 saja', author: '@warga.senayan' } });
  });

  it('comment send from the simplebox textarea carries the draft; empty → null', () => {
    expect(click(youtube, $('#ytm-comment-submit'))).toBeNull();
    ($('ytm-comment-simplebox-renderer textarea') as HTMLTextAreaElement).value = 'Ayo coblos 02';
    expect(click(youtube, $('#ytm-comment-submit span'))).toMatchObject({ action: 'comment', detail: 'comment', content: { draft: 'Ayo coblos 02', author: 'Relawan Garuda TV' } });
  });
});
