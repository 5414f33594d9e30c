import adapter from './content/sites/youtube';
import { siteContentScript } from './content/start';

export default siteContentScript(adapter);
