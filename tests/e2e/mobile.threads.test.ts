/** Threads' phone layout (issue #21): tests/fixtures/sites/threads/mobile-home-id.html, tapped in Chromium's mobile emulation. */
import { mobileSiteSuite } from './mobile-support';

const HOME = 'https://www.threads.net/mobile-home-id.html';

mobileSiteSuite({
  name: 'Threads (phone)',
  held: {
    like: [HOME, '#thm1-like', { action: 'like', postId: 'thm1' }],
    'share (repost from the sheet)': [HOME, ['#thm1-repost', '#thm-menu-repost'], { action: 'repost', postId: 'thm1' }],
    'comment send (the reply sheet)': [HOME, ['#thm1-reply', '#thm-reply-post'], { action: 'reply', postId: 'thm1' }],
    'post (the new-thread sheet)': [HOME, ['#thm-create', '#thm-composer-post'], { action: 'post', postId: 'thm-new' }],
    'follow (the avatar "+" card)': [HOME, ['#thm1-plus', '#thm-card-follow'], { action: 'follow', postId: 'thm1' }],
  },
  neutral: [HOME, '#thm2-like', { action: 'like', postId: 'thm2' }],
  swipe: [HOME, '#thm1-like'],
});
