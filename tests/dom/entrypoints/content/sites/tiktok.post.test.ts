import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import tiktok from '@/entrypoints/content/sites/tiktok';
import type { DetectedAction } from '@/entrypoints/content/sites/types';
import { compileBundle } from '@/rules/compile';
import { loadEngine } from '@/rules/engine';
import { devBundle } from '../../background/helpers';
import { $, click, key, loadFixture } from './load-fixture';

/** TikTok's upload page (TikTok Studio, and the older /upload): "Posting"/"Post" publishes the caption. */

const PARTISAN = 'Ayo coblos 02! Bersama kita lanjutkan Indonesia Maju. #PrabowoGibran2024';
const NEUTRAL = 'Resep sambal matah rumahan, pedasnya pas. #resep';

let engine: ReturnType<typeof loadEngine>;
beforeAll(() => {
  engine = loadEngine(compileBundle(devBundle()) as Parameters<typeof loadEngine>[0]);
});
const severity = (r: DetectedAction | null) =>
  engine.evaluate(r!.content, { at: new Date('2024-01-20T00:00:00Z'), site: 'tiktok', action: 'post' }).severity;

/** Replace the DraftJS caption's text (one block, one span), as typing would. */
function write(text: string): void {
  $('#tt-caption [data-text="true"]').textContent = text;
}

describe.each([
  { lang: 'id', page: 'tiktok/upload-id.html', post: 'Posting', draft: 'Simpan draf', fileName: 'video-saya' },
  { lang: 'en', page: 'tiktok/upload-en.html', post: 'Post', draft: 'Save draft', fileName: 'my-video' },
])('TikTok upload page, $lang UI', (f) => {
  beforeEach(() => {
    tiktok.reset();
    loadFixture(f.page);
  });

  it(`"${f.post}" (data-e2e="post_video_button") → post with the caption and its hashtags`, () => {
    write(PARTISAN);
    const r = click(tiktok, $('#tt-post'));
    expect(r).toMatchObject({ site: 'tiktok', action: 'post', detail: 'post', control: $('#tt-post') });
    expect(r!.content).toMatchObject({ draft: PARTISAN, hashtags: ['PrabowoGibran2024'] });
    expect(r!.attachmentsOnly).toBeUndefined();
    expect(severity(r)).not.toBe('none');
  });

  it('a click on the label inside the button is the same post', () => {
    write(PARTISAN);
    expect(click(tiktok, $('#tt-post .TUXButton-label'))).toMatchObject({
      action: 'post',
      control: $('#tt-post'),
      content: { draft: PARTISAN },
    });
  });

  it('a neutral caption (and the prefilled file name) is read the same way; the rules find nothing', () => {
    write(NEUTRAL);
    const r = click(tiktok, $('#tt-post'));
    expect(r).toMatchObject({ action: 'post', content: { draft: NEUTRAL, hashtags: ['resep'] } });
    expect(severity(r)).toBe('none');
    write(f.fileName);
    expect(click(tiktok, $('#tt-post'))?.content.draft).toBe(f.fileName);
  });

  it(`"${f.draft}", the hashtag button, the side bar's posts link and the confirm modal's "post now" are no actions`, () => {
    write(PARTISAN);
    expect(click(tiktok, $('[data-e2e="save_draft_button"] .TUXButton-label'))).toBeNull();
    expect(click(tiktok, $('.hash-tag-topic-button'))).toBeNull();
    expect(click(tiktok, $('nav a[href="/tiktokstudio/content"]'))).toBeNull();
    expect(click(tiktok, $('#tt-post-now'))).toBeNull(); // the user already confirmed at the post button
  });

  it('Enter in the caption is a new line, not a comment', () => {
    write(PARTISAN);
    expect(key(tiktok, $('#tt-caption [data-text="true"]'), 'Enter')).toBeNull();
  });

  it('a disabled post button (the video still uploading) publishes nothing', () => {
    write(PARTISAN);
    $('#tt-post').setAttribute('aria-disabled', 'true');
    expect(click(tiktok, $('#tt-post'))).toBeNull();
  });

  it('an empty caption publishes only the video: attachmentsOnly', () => {
    write('');
    expect(click(tiktok, $('#tt-post'))).toMatchObject({ action: 'post', attachmentsOnly: true });
  });

  it(`without its test id, the "${f.post}" button next to the caption is still found by its label`, () => {
    write(PARTISAN);
    $('#tt-post').removeAttribute('data-e2e');
    expect(click(tiktok, $('#tt-post'))).toMatchObject({ action: 'post', content: { draft: PARTISAN } });
  });
});

describe('TikTok older upload page (/upload, creator center: div.btn-post)', () => {
  beforeEach(() => tiktok.reset());

  it('the "Post" div next to the DraftJS caption → post', () => {
    document.body.innerHTML = `
      <div class="upload-container">
        <div class="caption-wrap"><div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"><span data-text="true">${PARTISAN}</span></div></div></div></div>
        <div class="btn-post"><div class="css-btn">Post</div></div>
      </div>`;
    const r = click(tiktok, $('.btn-post .css-btn'));
    expect(r).toMatchObject({ action: 'post', control: $('.btn-post'), content: { draft: PARTISAN } });
  });
});

describe('TikTok comment "Post" is still a comment, never an upload', () => {
  beforeEach(() => {
    tiktok.reset();
    loadFixture('tiktok/video-en.html');
  });

  it("the comment box's Post button keeps its meaning", () => {
    const box = $('[data-e2e="comment-input"] [contenteditable="true"]');
    box.textContent = 'Setuju!';
    expect(click(tiktok, $('[data-e2e="comment-post"]'))?.action).toBe('comment');
  });
});
