/**
 * The typed message protocol between content scripts, extension pages and the background.
 * One discriminated union; the background validates every message with zod and answers with
 * one exhaustive switch. Content scripts may send only CONTENT_MESSAGE_TYPES.
 */
import * as z from 'zod/mini';
import { ACTION_DETAILS, ACTION_KINDS, SITE_IDS } from '@/rules/actions';

export const LogEntrySchema = z.object({
  time: z.number(),
  site: z.enum(SITE_IDS),
  action: z.enum(ACTION_KINDS),
  detail: z.optional(z.enum(ACTION_DETAILS)),
  severity: z.enum(['low', 'medium', 'high']),
  /** entity labels that matched, e.g. "Pilpres 2024, nomor urut 02: …" */
  entities: z.array(z.string()),
  decision: z.enum(['cancelled', 'proceeded', 'blocked', 'logged']),
  reason: z.optional(z.string().check(z.maxLength(200))),
  /** only when the user opted in to keeping post text */
  text: z.optional(z.string().check(z.maxLength(500))),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const MessageSchema = z.discriminatedUnion('type', [
  /** content → background: inject the dialog script into the sender's frame */
  z.object({ type: z.literal('inject-dialog') }),
  /** content → background: append to the local decision log */
  z.object({ type: z.literal('log-decision'), entry: LogEntrySchema }),
  /** content → background: ask for the engine to be (re)loaded into storage when missing */
  z.object({ type: z.literal('ensure-engine') }),
  /** extension pages → background: check every update URL now; answers with the UpdateStatus */
  z.object({ type: z.literal('update-now') }),
]);
export type Message = z.infer<typeof MessageSchema>;

export const CONTENT_MESSAGE_TYPES: ReadonlySet<Message['type']> = new Set(['inject-dialog', 'log-decision', 'ensure-engine']);
