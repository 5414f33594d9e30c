/** Instagram's phone layout (issue #21): tests/fixtures/sites/instagram/mobile-*.html, tapped in Chromium's mobile emulation. */
import { mobileSiteSuite } from './mobile-support';

const FEED = 'https://www.instagram.com/mobile-feed-id.html';

mobileSiteSuite({
  name: 'Instagram (phone)',
  held: {
    like: [FEED, '#igm-1-like', { action: 'like', postId: 'igm-1' }],
    'share (the sheet\'s Kirim)': [FEED, ['#igm-1-share', '#igm-share-send'], { action: 'share', postId: 'igm-1' }],
    'comment send (the comments page)': ['https://www.instagram.com/mobile-comments-id.html', '#igm-comment-send', { action: 'comment', postId: 'igm-1' }],
    follow: [FEED, '#igm-1-follow', { action: 'follow', postId: 'igm-1' }],
    'post (a new post\'s Bagikan, partisan caption)': ['https://www.instagram.com/mobile-create-id.html', '#igm-share', { action: 'post', postId: 'igm-new' }],
  },
  neutral: [FEED, '#igm-2-like', { action: 'like', postId: 'igm-2' }],
  alsoPasses: {
    'post (a new post\'s Share, neutral caption)': ['https://www.instagram.com/mobile-create-en.html', '#igm-share', { action: 'post', postId: 'igm-new' }],
    // no caption and no photo attached: nothing the extension can read is published
    'a new story with no photo attached': ['https://www.instagram.com/mobile-story-create-id.html', '#igm-story-share', { action: 'story', postId: 'igm-story' }],
  },
  swipe: [FEED, '#igm-1-like'],
});
