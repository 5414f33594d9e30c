import adapter from './content/sites/tiktok';
import { siteContentScript } from './content/start';

export default siteContentScript(adapter);
