/**
 * The Ed25519 public key every update file's `.sig` must verify against before Parley installs it. Its private
 * half is the release key and lives only with whoever signs releases, never in this repository.
 *
 * Until the release key is made, this is the public half of a key pair whose private half was thrown away when it
 * was generated, so every update is refused rather than trusted. Before the first release, generate the release key
 * (docs/deploy-schools.md, "Signing updates") and put its public half here.
 */
export const UPDATE_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAAuVpggwSRTnHqWZKvswnt0Ro9GMnEVPVWWIm3awA0Sw=
-----END PUBLIC KEY-----
`;
