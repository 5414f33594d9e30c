import adapter from './content/sites/facebook';
import { siteContentScript } from './content/start';

export default siteContentScript(adapter);
