import adapter from './content/sites/threads';
import { siteContentScript } from './content/start';

export default siteContentScript(adapter);
