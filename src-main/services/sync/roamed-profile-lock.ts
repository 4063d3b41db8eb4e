import { ContractError } from '../../../src-shared/contract/errors';
import type { Services } from '../index';

/**
 * A profile brought to a shared lab computer by "Sign in with the school server" opens, on that computer, with the
 * learner's school password: the next student at the machine cannot walk into it from the profile picker. Returns
 * the secrets key for the window that just signed in.
 *
 * A profile without a local password gets the school password (and its secrets, if any, are sealed with it). One
 * whose local password is already the school password opens with it. One with another local password (the school
 * password changed since) takes the new one: the learner has just proved the account is theirs, and the secrets
 * sealed with the old password cannot be opened without it, so they go, as with an administrator's reset.
 */
export async function lockRoamedProfile(
  services: Pick<Services, 'profiles' | 'secrets'>,
  profileId: string,
  password: string,
): Promise<Buffer | null> {
  if (!services.profiles.get(profileId).hasPassword) {
    const key = await services.profiles.setPassword(profileId, password);
    await services.secrets.reseal(profileId, null, key);
    return key;
  }
  try {
    return (await services.profiles.verify(profileId, password)).secretsKey;
  } catch (error) {
    if (!(error instanceof ContractError) || (error.code !== 'WRONG_PASSWORD' && error.code !== 'RATE_LIMITED'))
      throw error;
  }
  const key = await services.profiles.setPassword(profileId, password);
  await services.secrets.clearAll(profileId);
  return key;
}
