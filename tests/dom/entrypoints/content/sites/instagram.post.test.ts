import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import instagram from '@/entrypoints/content/sites/instagram';
import type { DetectedAction } from '@/entrypoints/content/sites/types';
import { compileBundle } from '@/rules/compile';
import { loadEngine } from '@/rules/engine';
import { devBundle } from '../../background/helpers';
import { $, click, key, loadFixture } from './load-fixture';

/** Instagram's new post, reel and story: the final share publishes the caption; the steps before it publish nothing. */

const PARTISAN = 'Ayo coblos 02! Bersama kita lanjutkan Indonesia Maju. #PrabowoGibran2024';
const NEUTRAL = 'Sunday market haul: mangoes, rambutan and fresh tempeh.';

let engine: ReturnType<typeof loadEngine>;
beforeAll(() => {
  engine = loadEngine(compileBundle(devBundle()) as Parameters<typeof loadEngine>[0]);
});
/** What the rules make of a detected action during the 2024 campaign. */
const severity = (r: DetectedAction | null) =>
  engine.evaluate(r!.content, { at: new Date('2024-01-20T00:00:00Z'), site: 'instagram', action: 'post' }).severity;

function write(editor: Element, text: string): void {
  editor.innerHTML = text ? `<p dir="auto"><span data-lexical-text="true">${text}</span></p>` : '<p><br></p>';
}
function fill(input: Element, value: string): void {
  (input as HTMLInputElement).value = value;
}

describe.each([
  { lang: 'id', page: 'instagram/create-id.html', share: 'Bagikan', next: 'Berikutnya' },
  { lang: 'en', page: 'instagram/create-en.html', share: 'Share', next: 'Next' },
])('Instagram new post on the desktop, $lang UI', (f) => {
  beforeEach(() => {
    instagram.reset();
    loadFixture(f.page);
  });

  it(`"${f.share}" in the caption step → post with the caption, its hashtags, the location and the alt text`, () => {
    write($('#ig-caption'), PARTISAN);
    fill($('#ig-location'), 'Posko Pemenangan Prabowo-Gibran, Jakarta');
    fill($('#ig-alt-1'), 'Spanduk COBLOS 02');
    const r = click(instagram, $('#ig-share'));
    expect(r).toMatchObject({ site: 'instagram', action: 'post', detail: 'post', control: $('#ig-share') });
    expect(r!.content).toMatchObject({
      draft: PARTISAN,
      hashtags: ['PrabowoGibran2024'],
      group: 'Posko Pemenangan Prabowo-Gibran, Jakarta',
      imageAlt: ['Spanduk COBLOS 02'],
    });
    expect(r!.attachmentsOnly).toBeUndefined();
    expect(severity(r)).not.toBe('none');
  });

  it('a neutral caption is read the same way, and the rules find nothing in it', () => {
    write($('#ig-caption'), NEUTRAL);
    const r = click(instagram, $('#ig-share'));
    expect(r).toMatchObject({ action: 'post', content: { draft: NEUTRAL } });
    expect(r!.content.group).toBeUndefined();
    expect(r!.content.imageAlt).toBeUndefined();
    expect(severity(r)).toBe('none');
  });

  it(`"${f.next}", the crop step and "Create" publish nothing`, () => {
    write($('#ig-caption'), PARTISAN);
    expect(click(instagram, $('#ig-next'))).toBeNull();
    expect(key(instagram, $('#ig-next'), 'Enter')).toBeNull();
    expect(click(instagram, $('#ig-create-open svg'))).toBeNull();
    expect(click(instagram, $('#ig-create-crop img'))).toBeNull();
  });

  it('Enter in the caption is a new line, not a comment or a post', () => {
    write($('#ig-caption'), PARTISAN);
    expect(key(instagram, $('#ig-caption p'), 'Enter')).toBeNull();
  });

  it(`"${f.share}" from the keyboard (Enter, Space on the custom button) is the same post`, () => {
    write($('#ig-caption'), PARTISAN);
    expect(key(instagram, $('#ig-share'), 'Enter')).toMatchObject({ action: 'post', content: { draft: PARTISAN } });
    expect(key(instagram, $('#ig-share'), ' ')).toMatchObject({ action: 'post' });
  });

  it('an empty caption publishes only the photo: marked attachmentsOnly (the photo check decides)', () => {
    const r = click(instagram, $('#ig-share'));
    expect(r).toMatchObject({ action: 'post', detail: 'post', attachmentsOnly: true });
    expect(r!.content.draft).toBeUndefined();
  });

  it("a feed post's share icon is still the share dialog's opener while the create dialog is open", () => {
    $('#ig-create').removeAttribute('hidden');
    write($('#ig-caption'), PARTISAN);
    expect(click(instagram, $(`article svg[aria-label="${f.share}"]`))).toBeNull();
  });

  it('a new reel goes through the same caption step', () => {
    $('#ig-create').setAttribute('aria-label', f.lang === 'id' ? 'Reel baru' : 'New reel');
    $('#ig-create h1').textContent = f.lang === 'id' ? 'Reel baru' : 'New reel';
    $('#ig-create .x-media').innerHTML = '<video src="data:,"></video>';
    write($('#ig-caption'), PARTISAN);
    expect(click(instagram, $('#ig-share'))).toMatchObject({ action: 'post', content: { draft: PARTISAN } });
  });
});

describe('Instagram new post at phone width (/create/details/, a page, no dialog)', () => {
  beforeEach(() => instagram.reset());

  it('"Bagikan" → post with the caption box\'s text and hashtags (id)', () => {
    loadFixture('instagram/mobile-create-id.html');
    const r = click(instagram, $('#igm-share'));
    expect(r).toMatchObject({ site: 'instagram', action: 'post', detail: 'post', control: $('#igm-share') });
    expect(r!.content).toMatchObject({ draft: PARTISAN, hashtags: ['PrabowoGibran2024'] });
    expect(severity(r)).not.toBe('none');
  });

  it('"Share" with a neutral caption → post with that caption, nothing matched (en)', () => {
    loadFixture('instagram/mobile-create-en.html');
    const r = click(instagram, $('#igm-share'));
    expect(r).toMatchObject({ action: 'post', content: { draft: NEUTRAL } });
    expect(severity(r)).toBe('none');
  });

  it('the location typed on the phone is read too; "Back" publishes nothing', () => {
    loadFixture('instagram/mobile-create-id.html');
    fill($('#igm-location'), 'Rumah Pemenangan AMIN');
    expect(click(instagram, $('#igm-share'))?.content.group).toBe('Rumah Pemenangan AMIN');
    expect(click(instagram, $('.x-topbar a svg'))).toBeNull();
  });
});

describe('Instagram new story at phone width', () => {
  beforeEach(() => instagram.reset());

  it('"Bagikan ke cerita Anda" → a post with no text: attachmentsOnly (only the photo check can hold it)', () => {
    loadFixture('instagram/mobile-story-create-id.html');
    const r = click(instagram, $('#igm-story-share'));
    expect(r).toMatchObject({ site: 'instagram', action: 'post', detail: 'post', control: $('#igm-story-share'), attachmentsOnly: true });
  });

  it('the story tray\'s "Cerita Anda" / "Your story" bubble opens the camera: no action', () => {
    loadFixture('instagram/mobile-feed-id.html');
    const tray = document.createElement('div');
    tray.innerHTML =
      '<div role="menu"><div role="button" tabindex="0" id="own-story"><canvas></canvas><img alt="Foto profil saya.asn" src="data:,"><span>Cerita Anda</span></div>' +
      '<div role="button" tabindex="0" id="own-story-en"><span>Your story</span></div></div>';
    document.body.prepend(tray);
    expect(click(instagram, $('#own-story span'))).toBeNull();
    expect(click(instagram, $('#own-story-en'))).toBeNull();
  });
});
