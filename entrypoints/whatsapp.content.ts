import adapter from './content/sites/whatsapp';
import { siteContentScript } from './content/start';

export default siteContentScript(adapter);
