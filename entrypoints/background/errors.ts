/**
 * Errors the background records for the options page: the same small ring in storage.local that
 * content scripts write (errorsItem). Recording never throws: when storage itself is what
 * failed, the error goes to the console only.
 */
import { errorsItem } from '@/utils/storage-items';

const MAX_ERRORS = 20;

let queue: Promise<void> = Promise.resolve();

export function recordBackgroundError(error: unknown, stage: string): Promise<void> {
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);
  console.error(`Jaga Netral (${stage}):`, error);
  // serialised, so two failures in a row do not overwrite each other
  queue = queue
    .then(async () => {
      const errors = await errorsItem.getValue();
      await errorsItem.setValue([...errors, { time: Date.now(), stage, message }].slice(-MAX_ERRORS));
    })
    .catch(() => {});
  return queue;
}
