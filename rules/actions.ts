/**
 * Shared vocabulary of the pipeline: which sites, which actions, and the content an action is about.
 * Pure data and types — imported by the engine, the content script, the background and the CLI alike.
 */

export const SITE_IDS = ['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'threads', 'whatsapp'] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** The five kinds of engagement the SKB 2022 names: like, share, comment, post, follow/join. */
export const ACTION_KINDS = ['like', 'share', 'comment', 'post', 'follow'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * A more precise verb for the dialog headline and the log ("repost" is a share, "reply" a comment…).
 * Optional: the dialog falls back to the action kind.
 */
export const ACTION_DETAILS = [
  'like', 'react', 'share', 'repost', 'quote', 'forward', 'comment', 'reply',
  'post', 'send', 'follow', 'subscribe', 'join',
] as const;
export type ActionDetail = (typeof ACTION_DETAILS)[number];

/**
 * What an action is about, as read from the page by a site adapter. Every field is optional:
 * adapters fill what the site shows. The engine checks each field and reports matches per field,
 * with offsets into that field's string, so the dialog can highlight them.
 */
export interface ActionContent {
  /** post text, caption, video title and description, message text */
  text?: string;
  /** quoted post, shared post or forwarded message */
  quoted?: string;
  /** the author's display name */
  author?: string;
  /** the author's handle or account name, without a leading @ */
  handle?: string;
  /** hashtags shown with the content, without the leading # */
  hashtags?: string[];
  /** link-card title and URL */
  linkTitle?: string;
  linkUrl?: string;
  /** image alt texts */
  imageAlt?: string[];
  /** the user's own draft (comment, reply, post, message) */
  draft?: string;
  /** group, page, chat, channel or sound name the action is in or about */
  group?: string;
  /** page URL of the content (permalink when known) */
  url?: string;
}

export type ContentField = Exclude<keyof ActionContent, 'url'>;
