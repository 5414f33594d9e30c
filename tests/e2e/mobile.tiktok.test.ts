/**
 * TikTok's mobile web (issue #21): tests/fixtures/sites/tiktok/mobile-feed-en.html, tapped in Chromium's
 * mobile emulation; and the upload page at phone width (mobile-upload-{id,en}.html: whether TikTok serves
 * it to phones is unverified, see docs/mobile.md; if it does, or the phone asks for the desktop site, its
 * Posting is held like on the desktop).
 */
import { mobileSiteSuite } from './mobile-support';

const FEED = 'https://www.tiktok.com/mobile-feed-en.html';

mobileSiteSuite({
  name: 'TikTok (mobile web)',
  held: {
    like: [FEED, '#ttm-1-like', { action: 'like', postId: 'ttm-1' }],
    share: [FEED, '#ttm-1-share', { action: 'share', postId: 'ttm-1' }],
    'comment send (the comment panel)': [FEED, ['#ttm-1-comment', '#ttm-comment-post'], { action: 'comment', postId: 'ttm-1' }],
    follow: [FEED, '#ttm-1-follow', { action: 'follow', postId: 'ttm-1' }],
    'post (the upload page\'s Posting, partisan caption)': ['https://www.tiktok.com/mobile-upload-id.html', '#tt-post', { action: 'post', postId: 'tt-new' }],
  },
  alsoPasses: {
    'post (the upload page\'s Post, neutral caption)': ['https://www.tiktok.com/mobile-upload-en.html', '#tt-post', { action: 'post', postId: 'tt-new' }],
  },
  neutral: [FEED, '#ttm-2-like', { action: 'like', postId: 'ttm-2' }],
  swipe: [FEED, '#ttm-1-like'],
});
