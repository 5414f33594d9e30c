/** mobile.x.com's phone layout (issue #21): tests/fixtures/sites/x/mobile-*.html, tapped in Chromium's mobile emulation. */
import { mobileSiteSuite } from './mobile-support';

const HOME = 'https://mobile.x.com/mobile-home-id.html';

mobileSiteSuite({
  name: 'mobile.x.com',
  held: {
    like: [HOME, 'article[data-post-id="xm1"] [data-testid="like"]', { action: 'like', postId: 'xm1' }],
    'share (repost from the bottom sheet)': [HOME, ['article[data-post-id="xm1"] [data-testid="retweet"]', '#layers [data-testid="retweetConfirm"]'], { action: 'repost', postId: 'xm1' }],
    'comment send (the full-screen reply composer)': ['https://mobile.x.com/mobile-reply-id.html', '[data-testid="tweetButton"]', { action: 'reply', postId: 'xm1' }],
    'post (the full-screen composer)': ['https://mobile.x.com/mobile-compose-id.html', '[data-testid="tweetButton"]', { action: 'post', postId: 'xm-compose' }],
    'follow (profile page)': ['https://mobile.x.com/mobile-profile-en.html', '[data-testid$="-follow"]', { action: 'follow', postId: 'u-timnas' }],
  },
  neutral: [HOME, 'article[data-post-id="xm2"] [data-testid="like"]', { action: 'like', postId: 'xm2' }],
  swipe: [HOME, 'article[data-post-id="xm1"] [data-testid="like"]'],
});
