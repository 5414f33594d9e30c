import { beforeEach, describe, expect, it } from 'vitest';
import x from '@/entrypoints/content/sites/x';
import { $, byText, click, fire, key, loadFixture } from './load-fixture';

const tweet = (id: string) => $(`article[data-post-id="${id}"]`);
const inTweet = (id: string, sel: string) => $(sel, tweet(id));

describe.each([
  { lang: 'id', page: 'x/home-id.html', quote: 'Kutipan', repost: 'Posting ulang' },
  { lang: 'en', page: 'x/home-en.html', quote: 'Quote', repost: 'Repost' },
])('X adapter, $lang UI', ({ page, quote, repost }) => {
  beforeEach(() => {
    x.reset();
    loadFixture(page);
  });

  it('like: partisan tweet → like with text, author, handle, hashtags, image alt, permalink', () => {
    const r = click(x, $('svg', inTweet('x1', '[data-testid="like"]')));
    expect(r).toMatchObject({ site: 'x', action: 'like', detail: 'like' });
    expect(r!.control).toBe(inTweet('x1', '[data-testid="like"]'));
    expect(r!.content).toMatchObject({
      text: 'Ayo coblos 02! #PrabowoGibran2024 Indonesia Maju, lanjutkan!',
      author: 'Relawan Garuda',
      handle: 'relawangaruda02',
      hashtags: ['PrabowoGibran2024'],
      imageAlt: ['Poster Prabowo-Gibran nomor urut 2'],
    });
    expect(r!.content.url).toMatch(/\/relawangaruda02\/status\/x1$/);
  });

  it('like: neutral tweet is still recognised (the engine decides), with its own text', () => {
    const r = click(x, inTweet('x5', '[data-testid="like"]'));
    expect(r?.action).toBe('like');
    expect(r?.content.handle).toBe('kulinerjkt');
    expect(r?.content.text).toMatch(/bakso|meatball/);
  });

  it('like: quoted tweet and link card are read separately from the tweet text', () => {
    const r = click(x, inTweet('x3', '[data-testid="like"]'));
    expect(r?.content).toMatchObject({
      text: 'Dukung AMIN, Anies–Muhaimin nomor urut 1 untuk perubahan! #AMIN2024',
      quoted: 'Debat capres malam ini: gagasan perubahan dari paslon 01',
      author: 'Suara Perubahan',
      handle: 'suaraperubahan',
      linkTitle: expect.stringContaining('Visi misi Anies–Muhaimin'),
      linkUrl: 'https://example.org/visi-misi-amin',
    });
  });

  it('unlike (already liked) and undo repost return null', () => {
    expect(click(x, inTweet('x4', '[data-testid="unlike"]'))).toBeNull();
    expect(click(x, inTweet('x4', '[data-testid="unretweet"]'))).toBeNull();
    expect(click(x, $('[data-testid="unretweetConfirm"]'))).toBeNull();
  });

  it('non-controls return null: tweet text, avatar, share, caret, timeline', () => {
    expect(click(x, inTweet('x1', '[data-testid="tweetText"]'))).toBeNull();
    expect(click(x, tweet('x1'))).toBeNull();
    expect(click(x, inTweet('x1', '[role="group"] > div:last-child button'))).toBeNull();
    expect(click(x, inTweet('x1', '[data-testid="caret"]'))).toBeNull();
    expect(click(x, document.body)).toBeNull();
    expect(fire(x, inTweet('x1', '[data-testid="like"]'), 'dblclick')).toBeNull();
    expect(key(x, tweet('x1'), 'j')).toBeNull();
  });

  it('repost: the first click opens the menu (null); the confirm in #layers maps back to that tweet', () => {
    expect(click(x, inTweet('x3', '[data-testid="retweet"]'))).toBeNull();
    const r = click(x, byText('[data-testid="retweetConfirm"] span', repost));
    expect(r).toMatchObject({ site: 'x', action: 'share', detail: 'repost' });
    expect(r!.control).toBe($('[data-testid="retweetConfirm"]'));
    expect(r!.content.handle).toBe('suaraperubahan');
    // another tweet's menu: the memory follows the last opener
    click(x, inTweet('x2', '[data-testid="retweet"]'));
    expect(click(x, $('[data-testid="retweetConfirm"]'))?.content.handle).toBe('saricuaca');
  });

  it('repost: menu item matched by its label when the test id is gone (text fallback)', () => {
    $('[data-testid="retweetConfirm"]').removeAttribute('data-testid');
    click(x, inTweet('x1', '[data-testid="retweet"]'));
    const r = click(x, byText('#repost-menu [role="menuitem"]', repost));
    expect(r?.detail).toBe('repost');
    expect(r?.content.handle).toBe('relawangaruda02');
  });

  it('repost: keyboard `t` opens the menu (null) and remembers the focused tweet; Enter on the menu item confirms', () => {
    expect(key(x, tweet('x1'), 't')).toBeNull();
    const item = $('[data-testid="retweetConfirm"]');
    const r = key(x, item, 'Enter');
    expect(r).toMatchObject({ action: 'share', detail: 'repost' });
    expect(r!.content.handle).toBe('relawangaruda02');
  });

  it('quote: the menu item only opens the composer (null); the composer send is a quote of the quoted tweet', () => {
    click(x, inTweet('x3', '[data-testid="retweet"]'));
    expect(click(x, byText('#repost-menu [role="menuitem"]', quote))).toBeNull();
    const send = $('#quote-dialog [data-testid="tweetButton"]');
    const r = click(x, send);
    expect(r).toMatchObject({ site: 'x', action: 'share', detail: 'quote' });
    expect(r!.content).toMatchObject({
      text: 'Dukung AMIN, Anies–Muhaimin nomor urut 1 untuk perubahan! #AMIN2024',
      handle: 'suaraperubahan',
      draft: expect.stringMatching(/Setuju banget!|Totally agree!/),
    });
    expect(r!.content.hashtags).toContain('AMIN2024');
  });

  it('quote: Ctrl+Enter in the quote composer', () => {
    const r = key(x, $('#quote-dialog [data-testid="tweetTextarea_0"]'), 'Enter', { ctrlKey: true });
    expect(r?.detail).toBe('quote');
  });

  it('reply (dialog): the send button → comment/reply about the tweet in the dialog, with the draft', () => {
    click(x, inTweet('x1', '[data-testid="reply"]'));
    const r = click(x, $('#reply-dialog [data-testid="tweetButton"]'));
    expect(r).toMatchObject({ site: 'x', action: 'comment', detail: 'reply' });
    expect(r!.content).toMatchObject({ handle: 'relawangaruda02', text: expect.stringContaining('Ayo coblos 02!') });
    expect(r!.content.draft).toMatch(/Mantap|Great/);
  });

  it('reply (inline on a status page): "Reply"/"Balas" send button and Cmd+Enter → reply to the focal tweet', () => {
    const r = click(x, $('#inline-reply [data-testid="tweetButtonInline"]'));
    expect(r).toMatchObject({ action: 'comment', detail: 'reply' });
    expect(r!.content).toMatchObject({ handle: 'infopemilu', draft: expect.stringMatching(/02/) });
    const k = key(x, $('#inline-reply [data-testid="tweetTextarea_0"] span'), 'Enter', { metaKey: true });
    expect(k?.detail).toBe('reply');
    expect(k?.content.handle).toBe('infopemilu');
  });

  it('reply: keyboard `r` only opens a composer (null)', () => {
    expect(key(x, tweet('x1'), 'r')).toBeNull();
  });

  it('post: the home composer button and Ctrl+Enter → post with the draft and its hashtags', () => {
    const r = click(x, $('#home-composer [data-testid="tweetButtonInline"] span'));
    expect(r).toMatchObject({ site: 'x', action: 'post', detail: 'post' });
    expect(r!.content).toEqual({
      draft: 'Ingat, tanggal 14 Februari coblos 02 ya! #PrabowoGibran2024',
      hashtags: ['PrabowoGibran2024'],
    });
    const editor = $('#home-composer [data-testid="tweetTextarea_0"]');
    expect(key(x, editor, 'Enter', { ctrlKey: true })?.action).toBe('post');
    // plain Enter is a newline, and an empty composer or a disabled button sends nothing
    expect(key(x, editor, 'Enter')).toBeNull();
    editor.textContent = '';
    expect(key(x, editor, 'Enter', { ctrlKey: true })).toMatchObject({ attachmentsOnly: true, composer: editor });
    $('#home-composer [data-testid="tweetButtonInline"]').setAttribute('aria-disabled', 'true');
    expect(click(x, $('#home-composer [data-testid="tweetButtonInline"]'))).toBeNull();
  });

  it('like: keyboard `l` on the focused tweet; ignored while typing and on a liked tweet', () => {
    const r = key(x, tweet('x1'), 'l');
    expect(r).toMatchObject({ action: 'like', detail: 'like' });
    expect(r!.content.handle).toBe('relawangaruda02');
    expect(key(x, tweet('x4'), 'l')).toBeNull();
    expect(key(x, $('#home-composer [data-testid="tweetTextarea_0"]'), 'l')).toBeNull();
    expect(key(x, tweet('x1'), 'l', { ctrlKey: true })).toBeNull();
  });

  it('follow: "Who to follow" cell → follow with name, handle and bio; unfollow returns null', () => {
    const r = click(x, $('[data-testid="1720000001-follow"] span'));
    expect(r).toMatchObject({ site: 'x', action: 'follow', detail: 'follow' });
    expect(r!.content).toMatchObject({ handle: 'timnasamin', author: 'Timnas AMIN', text: expect.stringContaining('Anies–Muhaimin') });
    expect(click(x, $('[data-testid="1720000002-follow"]'))?.content.handle).toBe('resepnusantara');
    expect(click(x, $('[data-testid="1720000003-unfollow"]'))).toBeNull();
  });

  it('follow: the tweet "More" menu item maps back to the tweet whose caret opened it', () => {
    click(x, inTweet('x1', '[data-testid="caret"]'));
    const r = click(x, $('#caret-menu [role="menuitem"]'));
    expect(r).toMatchObject({ action: 'follow' });
    expect(r!.content).toMatchObject({ handle: 'relawangaruda02', text: expect.stringContaining('coblos 02') });
  });

  it('DM send: the send button and Enter in the input; Shift+Enter and empty input → null', () => {
    const r = click(x, $('[data-testid="dmComposerSendButton"]'));
    expect(r).toMatchObject({ site: 'x', action: 'post', detail: 'send' });
    expect(r!.content.draft).toMatch(/02/);
    const input = $('[data-testid="dmComposerTextInput"]');
    expect(key(x, input, 'Enter')?.detail).toBe('send');
    expect(key(x, input, 'Enter', { shiftKey: true })).toBeNull();
    input.textContent = '';
    expect(key(x, input, 'Enter')).toMatchObject({ attachmentsOnly: true, composer: input });
  });

  it('a rule-bundle override replaces a selector: a renamed like test id is caught, the old one is not', () => {
    const btn = inTweet('x1', '[data-testid="like"]');
    btn.setAttribute('data-testid', 'likeV2');
    btn.setAttribute('aria-label', 'x');
    expect(click(x, btn)).toBeNull();
    const overridden = { ...x.selectors, like: ['[data-testid="likeV2"]'] };
    expect(click(x, btn, overridden)?.action).toBe('like');
    // and an override that empties a hook disables it (X's label carries a count: no label match either)
    expect(click(x, inTweet('x2', '[data-testid="like"]'), { ...x.selectors, like: [] })).toBeNull();
  });

  it('never throws on a broken selector from a bundle', () => {
    const broken = { ...x.selectors, like: ['[[[', '[data-testid="like"]'], tweet: [':::'] };
    const r = click(x, inTweet('x1', '[data-testid="like"]'), broken);
    expect(r?.action).toBe('like');
    // no tweet hook left: the content comes from the article around the button
    expect(r?.read).toBe('container');
  });
});

describe('X adapter, profile page', () => {
  it.each(['x/profile-id.html', 'x/profile-en.html'])('%s: header follow → author, handle and bio', (page) => {
    loadFixture(page);
    const r = click(x, $('[data-testid="placementTracking"] [data-testid$="-follow"]'));
    expect(r).toMatchObject({ site: 'x', action: 'follow', detail: 'follow' });
    expect(r!.content).toMatchObject({ author: 'Timnas AMIN', handle: 'timnasamin', text: expect.stringContaining('AMIN2024') });
  });
});
