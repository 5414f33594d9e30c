import { beforeEach, describe, expect, it } from 'vitest';
import facebook from '@/entrypoints/content/sites/facebook';
import { $, click, loadFixture } from './load-fixture';

/** m.facebook.com: data-sigil hooks (story-div, ufi-inline-like, comment-body), the ._5rgt message. */
const story = (id: string) => $(`[data-post-id="${id}"]`);
const likeOf = (id: string) => $('[data-sigil~="ufi-inline-like"]', story(id));

describe('Facebook adapter, m.facebook.com layout', () => {
  beforeEach(() => {
    facebook.reset();
    loadFixture('facebook/mobile-feed-id.html');
  });

  it('like (ufi-inline-like): content = the ._5rgt message, author and group from the header, permalink', () => {
    const r = click(facebook, likeOf('m1'));
    expect(r).toMatchObject({ site: 'facebook', action: 'like', detail: 'like' });
    expect(r!.control).toBe(likeOf('m1'));
    expect(r!.byLabel).toBeUndefined();
    expect(r!.content).toMatchObject({
      text: 'Ayo coblos 02! #PrabowoGibran2024 Indonesia Maju, lanjutkan!',
      author: 'Relawan Garuda Nusantara',
      handle: 'relawan.garuda',
      group: 'Relawan 02 Jawa Barat',
      hashtags: ['PrabowoGibran2024'],
    });
    expect(r!.content.url).toMatch(/\/groups\/relawan02\/permalink\/1001\//);
    // the comment under the story is not the story's text
    expect(r!.content.text).not.toMatch(/AMIN/);
  });

  it('a neutral story is read as its own text', () => {
    expect(click(facebook, likeOf('m2'))!.content).toMatchObject({ text: 'Cuaca Bandung hari ini cerah, cocok untuk bersepeda ke Dago.', author: 'Sari Dewi' });
  });

  it('already liked (aria-pressed="true") is an unlike: null', () => {
    expect(click(facebook, likeOf('m3'))).toBeNull();
  });

  it('a like on a comment is about the comment: its comment-body and author', () => {
    const commentLike = $('[data-sigil="ufi-inline-comment-actions"] a', story('m1'));
    const r = click(facebook, commentLike);
    expect(r).toMatchObject({ action: 'like', detail: 'like' });
    expect(r!.control).toBe(commentLike);
    expect(r!.content).toMatchObject({ text: 'Dukung AMIN, Anies–Muhaimin nomor urut 1!', author: 'Budi Santoso' });
  });

  it('the story text, the header and the permalink are no actions', () => {
    expect(click(facebook, $('._5rgt', story('m1')))).toBeNull();
    expect(click(facebook, $('header h3', story('m1')))).toBeNull();
    expect(click(facebook, $('[data-sigil="m-feed-voice-subtitle"] a', story('m1')))).toBeNull();
  });
});
