import type { secretsContract } from '../../src-shared/contract/secrets';
import { FILE_KEYSTORE_WARNING } from '../providers/file-keystore';
import type { HandlersFor } from './types';

const BASIC_TEXT_WARNING =
  'This computer has no system key ring, so secrets are protected only by a built-in key. Set a profile password to seal them.';

export const secretsHandlers: HandlersFor<typeof secretsContract> = {
  'secrets:status': async (_input, { services, profileId, keystoreBackend }) => ({
    secrets: await services.secrets.status(profileId),
    backend: keystoreBackend,
    warning: keystoreBackend === 'file' ? FILE_KEYSTORE_WARNING : keystoreBackend === 'basic_text' ? BASIC_TEXT_WARNING : null,
  }),
  'secrets:set': async ({ name, value }, { services, profileId, session }) => {
    await services.secrets.set(profileId, name, value, session.secretsKey);
    return { name, isSet: true as const };
  },
  'secrets:clear': async ({ name }, { services, profileId }) => {
    await services.secrets.clear(profileId, name);
    return { name, isSet: false as const };
  },
};
