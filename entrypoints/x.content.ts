import adapter from './content/sites/x';
import { siteContentScript } from './content/start';

export default siteContentScript(adapter);
