import adapter from './content/sites/instagram';
import { siteContentScript } from './content/start';

export default siteContentScript(adapter);
