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
    expect(click(youtube, $('#ytm-subscribe span'))).toMatchObject({
      action: 'follow',
      detail: 'subscribe',
      content: { author: 'Relawan Garuda TV' },
    });
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
    expect(click(youtube, $('#ytm-comment-submit span'))).toMatchObject({
      action: 'comment',
      detail: 'comment',
      content: { draft: 'Ayo coblos 02', author: 'Relawan Garuda TV' },
    });
  });
});

/**
 * m.youtube.com's comments panel (MWEB 2026): the comment box in the panel's header, a reply dialog
 * under a comment, and a comment's like in its action menu (a bottom sheet opened by "More options").
 * Hooks and their sources: tests/fixtures/sites/README.md, "m.youtube.com comments".
 */
describe.each([
  {
    page: 'youtube/mobile-comments-id.html',
    video: {
      author: 'Relawan Garuda TV',
      handle: 'relawangarudatv',
      text: 'Kampanye Akbar Prabowo-Gibran di GBK: Ayo coblos 02! #PrabowoGibran2024',
    },
    partisan: { id: 'mc1', text: 'Dukung AMIN nomor urut 1, Anies–Muhaimin!', author: '@warga.senayan' },
    neutral: { id: 'mc2', text: 'Hujan deras di Senayan sore ini, bawa payung ya' },
    like: 'Suka',
    reply: 'Balas',
  },
  {
    page: 'youtube/mobile-comments-en.html',
    video: { author: 'Dapur Rani', handle: 'dapurrani', text: 'Easy nasi goreng in 10 minutes' },
    partisan: { id: 'mce1', text: 'Vote 02 Prabowo-Gibran! #PrabowoGibran2024', author: '@warga.senayan' },
    neutral: { id: 'mce2', text: 'Tried this tonight, delicious with a fried egg' },
    like: 'Like',
    reply: 'Reply',
  },
])('YouTube adapter, m.youtube.com comments panel ($page)', ({ page, video, partisan, neutral, like, reply }) => {
  beforeEach(() => {
    loadFixture(page);
    youtube.reset();
  });
  const typeInto = (selector: string, text: string) => {
    ($(selector) as HTMLTextAreaElement).value = text;
  };
  const simplebox = 'ytm-comment-simplebox-renderer textarea.YtmCommentSimpleboxRendererReply';
  const replyBox = (id: string) => `[data-post-id="${id}"] ytm-comment-reply-dialog-renderer textarea`;

  it('comment send in the panel: a comment on the video with the draft; an empty box is no action', () => {
    expect(click(youtube, $('#ytm-comment-send span'))).toBeNull();
    typeInto(simplebox, 'Ayo coblos 02');
    const r = click(youtube, $('#ytm-comment-send span'));
    expect(r).toMatchObject({
      site: 'youtube',
      action: 'comment',
      detail: 'comment',
      control: $('#ytm-comment-send'),
      content: { ...video, draft: 'Ayo coblos 02' },
    });
    expect(r!.byLabel).toBeUndefined();
  });

  it('Cancel in the comment box and the comments entry point are no action', () => {
    typeInto(simplebox, 'Ayo coblos 02');
    expect(click(youtube, $('#ytm-comment-cancel'))).toBeNull();
    expect(click(youtube, $('#ytm-comments-entry span'))).toBeNull();
  });

  it(`reply send (${reply}) under a comment: a reply to that comment, on the video, with the draft`, () => {
    typeInto(replyBox(partisan.id), 'Setuju');
    const r = click(youtube, $(`#${partisan.id}-reply-send span`));
    expect(r).toMatchObject({
      action: 'comment',
      detail: 'reply',
      control: $(`#${partisan.id}-reply-send`),
      content: { author: video.author, quoted: partisan.text, draft: 'Setuju' },
    });
    expect(r!.byLabel).toBeUndefined();
  });

  it('an empty reply box is no action', () => {
    expect(click(youtube, $(`#${partisan.id}-reply-send`))).toBeNull();
  });

  it(`comment like (${like} in the action menu): about the comment whose "More options" opened it`, () => {
    expect(click(youtube, $(`#${partisan.id}-menu path`))).toBeNull(); // opens the sheet
    const r = click(youtube, $('#sheet-like span'));
    expect(r).toMatchObject({
      action: 'like',
      detail: 'like',
      control: $('#sheet-like'),
      content: { text: partisan.text, author: partisan.author, handle: partisan.author.slice(1), group: video.author, quoted: video.text },
    });
    expect(r!.byLabel).toBeUndefined();
  });

  it('the sheet follows the last comment whose menu was tapped', () => {
    click(youtube, $(`#${partisan.id}-menu`));
    click(youtube, $(`#${neutral.id}-menu`));
    const r = click(youtube, $('#sheet-like'));
    expect(r?.content.text ?? null).toBe(page.endsWith('-id.html') ? null : neutral.text); // id: mc2 is already liked
  });

  it('the sheet without a remembered comment, and its Dislike and Report, are no action', () => {
    expect(click(youtube, $('#sheet-like'))).toBeNull();
    click(youtube, $(`#${partisan.id}-menu`));
    expect(click(youtube, $('#sheet-dislike'))).toBeNull();
    expect(click(youtube, $('#sheet-report'))).toBeNull();
  });
});

describe('m.youtube.com comments panel: state', () => {
  beforeEach(() => {
    loadFixture('youtube/mobile-comments-id.html');
    youtube.reset();
  });

  it('an already-liked comment (its like icon data-selected="true") is no action: the sheet item unlikes', () => {
    click(youtube, $('#mc2-menu'));
    expect(click(youtube, $('#sheet-like'))).toBeNull();
  });

  it('the sheet item "Balas" remembers the comment: a reply dialog outside any thread replies to it', () => {
    click(youtube, $('#mc1-menu'));
    expect(click(youtube, $('#sheet-reply'))).toBeNull(); // opens the reply dialog
    // the dialog moved out of the thread (e.g. into its own panel)
    const dialog = $('[data-post-id="mc1"] ytm-comment-reply-dialog-renderer');
    $('ytm-engagement-panel').appendChild(dialog);
    (dialog.querySelector('textarea') as HTMLTextAreaElement).value = 'Setuju';
    expect(click(youtube, $('#mc1-reply-send'))).toMatchObject({
      detail: 'reply',
      content: { quoted: 'Dukung AMIN nomor urut 1, Anies–Muhaimin!', draft: 'Setuju' },
    });
  });
});
