import { beforeEach, describe, expect, it } from 'vitest';
import x from '@/entrypoints/content/sites/x';
import { $, click, loadFixture } from './load-fixture';

/** mobile.x.com: the same test ids as x.com, a bottom tab bar, a full-screen composer at /compose/post (no dialog). */
const tweet = (id: string) => $(`article[data-post-id="${id}"]`);

describe('X adapter, mobile.x.com layout', () => {
  beforeEach(() => x.reset());

  describe('the feed', () => {
    beforeEach(() => loadFixture('x/mobile-home-id.html'));

    it('like: the tweet, read through its test ids', () => {
      const like = $('[data-testid="like"]', tweet('xm1'));
      const r = click(x, like);
      expect(r).toMatchObject({ site: 'x', action: 'like', detail: 'like' });
      expect(r!.control).toBe(like);
      expect(r!.byLabel).toBeUndefined();
      expect(r!.content).toMatchObject({ text: 'Ayo coblos 02! #PrabowoGibran2024 Indonesia Maju, lanjutkan!', handle: 'relawangaruda02', hashtags: ['PrabowoGibran2024'] });
    });

    it('an already-liked tweet (unlike) is no action', () => {
      expect(click(x, $('[data-testid="unlike"]', tweet('xm3')))).toBeNull();
    });

    it('repost from the bottom sheet: the tweet whose repost button opened it', () => {
      expect(click(x, $('[data-testid="retweet"]', tweet('xm1')))).toBeNull();
      const r = click(x, $('#layers [data-testid="retweetConfirm"]'));
      expect(r).toMatchObject({ action: 'share', detail: 'repost' });
      expect(r!.content.handle).toBe('relawangaruda02');
    });

    it('the tab bar, the floating compose button and the sheet cancel are no actions', () => {
      for (const sel of ['[data-testid="AppTabBar_Home_Link"]', '[data-testid="FloatingActionButtons_Tweet_Button"]', '[data-testid="sheetCancel"]']) {
        expect(click(x, $(sel)), sel).toBeNull();
      }
    });
  });

  it('the full-screen composer (/compose/post): Posting is a post of the draft', () => {
    loadFixture('x/mobile-compose-id.html');
    const send = $('[data-testid="tweetButton"]');
    const r = click(x, send);
    expect(r).toMatchObject({ action: 'post', detail: 'post' });
    expect(r!.content).toMatchObject({ draft: 'Tanggal 14 Februari coblos 02 ya! #PrabowoGibran2024', hashtags: ['PrabowoGibran2024'] });
    expect(r!.composer).toBe($('[data-testid="tweetTextarea_0"]'));
  });

  it('the full-screen reply composer: Balas in the top bar is a reply about the tweet shown under it', () => {
    loadFixture('x/mobile-reply-id.html');
    const r = click(x, $('[data-testid="tweetButton"]'));
    expect(r).toMatchObject({ action: 'comment', detail: 'reply' });
    expect(r!.content).toMatchObject({
      draft: 'Setuju, mantap!',
      text: 'Ayo coblos 02! #PrabowoGibran2024 Indonesia Maju, lanjutkan!',
      handle: 'relawangaruda02',
      hashtags: ['PrabowoGibran2024'],
    });
  });

  it('follow on a profile page: the profile header and bio', () => {
    loadFixture('x/mobile-profile-en.html');
    const r = click(x, $('[data-testid$="-follow"]'));
    expect(r).toMatchObject({ action: 'follow', detail: 'follow' });
    expect(r!.content).toMatchObject({ handle: 'timnasamin', author: 'Timnas AMIN' });
    expect(r!.content.text).toMatch(/#AMIN2024/);
  });
});
