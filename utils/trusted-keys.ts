/**
 * Where rule updates come from and who may sign them.
 *
 * BUILT_IN_PUBLIC_KEYS are raw Ed25519 public keys (base64, 32 bytes) of the Jaga Netral project.
 * A downloaded `jaga-bundle/1` envelope is applied only when its signature verifies against one of
 * these or one of the policy's `trustedPublicKeys` (how an agency adds its own key, and how the
 * maintainers rotate keys before a release ships a new built-in list).
 *
 * Key 712ef2b117307ebb was generated with `jaga keygen` on the development machine that built the
 * first version; its private half was never committed and must be treated as lost. The
 * maintainers must generate a new key pair on an offline machine, add its public key here (and,
 * for browsers already deployed, through the `trustedPublicKeys` policy), and remove this one.
 */
export const BUILT_IN_PUBLIC_KEYS: readonly string[] = [
  // key id 712ef2b117307ebb (development key, see above)
  'gg+DqqfM4SdI7Zf40ncXUDi0QREPzQlyfEKhU8BNm5M=',
];

/** The project's published bundle; agencies add their own through the `updateUrls` policy. */
export const DEFAULT_UPDATE_URLS: readonly string[] = ['https://rules.jaganetral.id/v1/bundle.json'];
