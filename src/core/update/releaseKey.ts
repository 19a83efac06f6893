/**
 * The public half of the release signing key (ed25519, SPKI PEM). Every update manifest must be
 * signed by its private half before the app downloads anything (see releaseSignature.ts). The
 * private half is kept offline by the release owner and never enters this repository; rotating
 * it means shipping a build with the new public key, signed with the old one (README, "Updates").
 */
export const RELEASE_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAw+IE1Dw19olptGVVWO6S3Zfn6/i5eG6tTh6yqrTiBOE=
-----END PUBLIC KEY-----
`;
