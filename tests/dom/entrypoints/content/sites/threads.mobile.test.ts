import { beforeEach, describe, expect, it } from 'vitest';
import threads from '@/entrypoints/content/sites/threads';
import { $, click, loadFixture } from './load-fixture';

/** Threads at phone width (id-ID): sheets for the composer, the reply, the repost menu and the follow card. */
describe('Threads adapter, phone layout', () => {
  beforeEach(() => {
    threads.reset();
    loadFixture('threads/mobile-home-id.html');
  });

  it('like (svg "Suka"): the post', () => {
    const r = click(threads, $('#thm1-like svg'));
    expect(r).toMatchObject({ site: 'threads', action: 'like', detail: 'like' });
    expect(r!.control).toBe($('#thm1-like'));
    expect(r!.content).toMatchObject({ handle: 'relawan.amin', hashtags: ['AMIN2024'] });
    expect(r!.content.text).toMatch(/^Dukung AMIN/);
  });

  it('already liked ("Batalkan suka") is no action', () => {
    expect(click(threads, $('#thm3-like'))).toBeNull();
  });

  it('repost from the sheet: the post whose "Posting ulang" icon opened it', () => {
    expect(click(threads, $('#thm1-repost'))).toBeNull();
    const r = click(threads, $('#thm-menu-repost'));
    expect(r).toMatchObject({ action: 'share', detail: 'repost', content: { handle: 'relawan.amin' } });
  });

  it('reply sheet: "Posting" in its top bar is a reply about the post whose "Balas" opened it', () => {
    expect(click(threads, $('#thm2-reply'))).toBeNull();
    const r = click(threads, $('#thm-reply-post'));
    expect(r).toMatchObject({ action: 'comment', detail: 'reply' });
    expect(r!.content).toMatchObject({ draft: 'Setuju sekali', handle: 'kopi.senja' });
  });

  it('new thread sheet: "Posting" is a post of the draft', () => {
    const r = click(threads, $('#thm-composer-post'));
    expect(r).toMatchObject({ action: 'post', detail: 'post' });
    expect(r!.content).toMatchObject({ draft: 'Ayo coblos nomor urut 1, Anies–Muhaimin! #AMIN2024', hashtags: ['AMIN2024'] });
  });

  it('follow from the avatar "+" card: the account of the post that opened it', () => {
    expect(click(threads, $('#thm1-plus'))).toBeNull();
    const r = click(threads, $('#thm-card-follow'));
    expect(r).toMatchObject({ action: 'follow', content: { handle: 'relawan.amin' } });
  });

  it('the share icon (the phone\'s share sheet), the tab bar and "Buat" are no actions', () => {
    for (const sel of ['#thm1-share', '#thm-create', 'nav a[href="/search"]']) expect(click(threads, $(sel)), sel).toBeNull();
  });
});
