import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring only; the modules it wires are added by the features that need them.
});
