import { beforeEach, describe, expect, it } from 'vitest';
import instagram from '@/entrypoints/content/sites/instagram';
import { $, click, fire, loadFixture } from './load-fixture';

/** Instagram at phone width: no comment box in the feed; comments on a page of their own, /p/<id>/comments/. */
describe('Instagram adapter, phone layout', () => {
  beforeEach(() => instagram.reset());

  describe('the feed', () => {
    beforeEach(() => loadFixture('instagram/mobile-feed-id.html'));

    it('like (svg "Suka"): the post, its caption and author', () => {
      const r = click(instagram, $('#igm-1-like svg'));
      expect(r).toMatchObject({ site: 'instagram', action: 'like', detail: 'like' });
      expect(r!.control).toBe($('#igm-1-like'));
      expect(r!.content).toMatchObject({ handle: 'relawan.prabowogibran', hashtags: expect.arrayContaining(['PrabowoGibran2024']) });
      expect(r!.content.text).toMatch(/^Ayo coblos 02!/);
    });

    it('share: the sheet\'s Kirim is about the post whose "Bagikan" opened it', () => {
      expect(click(instagram, $('#igm-1-share'))).toBeNull();
      const r = click(instagram, $('#igm-share-send'));
      expect(r).toMatchObject({ action: 'share', detail: 'share' });
      expect(r!.content.handle).toBe('relawan.prabowogibran');
    });

    it('follow in the post header', () => {
      const r = click(instagram, $('#igm-1-follow'));
      expect(r).toMatchObject({ action: 'follow' });
      expect(r!.content.handle).toBe('relawan.prabowogibran');
    });

    it('the comment icon (a link to the comments page) and the tab bar are no actions', () => {
      expect(click(instagram, $('#igm-1-comments svg'))).toBeNull();
      expect(click(instagram, $('nav a[href="/create/select/"]'))).toBeNull();
    });
  });

  describe('the comments page (/p/<id>/comments/), no <article>', () => {
    beforeEach(() => loadFixture('instagram/mobile-comments-id.html'));

    it('Kirim: a comment on the post whose caption heads the page', () => {
      const r = click(instagram, $('#igm-comment-send'));
      expect(r).toMatchObject({ site: 'instagram', action: 'comment', detail: 'comment' });
      expect(r!.control).toBe($('#igm-comment-send'));
      expect(r!.content).toMatchObject({
        draft: 'Mantap!',
        handle: 'relawan.prabowogibran',
        hashtags: ['PrabowoGibran2024'],
      });
      expect(r!.content.text).toMatch(/^Ayo coblos 02! Bersama kita lanjutkan Indonesia Maju\./);
    });

    it('Enter in the comment box: the same comment', () => {
      const r = fire(instagram, $('#igm-comment'), 'keydown', { key: 'Enter' });
      expect(r).toMatchObject({ action: 'comment' });
      expect(r!.content).toMatchObject({ draft: 'Mantap!', handle: 'relawan.prabowogibran' });
    });

    it('an empty comment box sends nothing', () => {
      ($('#igm-comment') as HTMLTextAreaElement).value = '';
      expect(click(instagram, $('#igm-comment-send'))).toBeNull();
    });
  });
});
