/**
 * Where rule updates come from and who may sign them: the release's update channel, fixed when the
 * extension is built (wxt.config.ts reads JAGA_UPDATE_URLS and JAGA_TRUSTED_KEYS, or
 * release.config.json; see utils/release-channel.ts and docs/maintainers.md).
 *
 * BUILT_IN_PUBLIC_KEYS are raw Ed25519 public keys (base64, 32 bytes) trusted to sign what the
 * DEFAULT_UPDATE_URLS serve, and only that. An agency adds its own sources and keys through the
 * policy (`updateUrls`, `trustedPublicKeys`, `updateSources`). A build without the settings has no
 * URL and no key: its rules then change only with the agency's policy or a new extension version.
 */

/** The channel as JSON, put in by the build (Vite `define`); absent under tests and in plain Node. */
declare const __JAGA_RELEASE_CHANNEL__: string | undefined;

export interface ReleaseChannel {
  updateUrls: readonly string[];
  trustedPublicKeys: readonly string[];
}

export const RELEASE_CHANNEL: ReleaseChannel =
  typeof __JAGA_RELEASE_CHANNEL__ === 'string' ? (JSON.parse(__JAGA_RELEASE_CHANNEL__) as ReleaseChannel) : { updateUrls: [], trustedPublicKeys: [] };

export const BUILT_IN_PUBLIC_KEYS: readonly string[] = RELEASE_CHANNEL.trustedPublicKeys;

export const DEFAULT_UPDATE_URLS: readonly string[] = RELEASE_CHANNEL.updateUrls;

/**
 * Keys whose private half is known to be lost: a build refuses them. Key 712ef2b117307ebb was
 * generated on the development machine that built the first version and never kept.
 */
export const LOST_PUBLIC_KEYS: readonly string[] = ['gg+DqqfM4SdI7Zf40ncXUDi0QREPzQlyfEKhU8BNm5M='];
