import type { Mutator } from '../../db/mutate';
import type { Db } from '../../db/open';
import type { KeyStore } from '../providers/keystore';
import { createProfilesService } from './profiles/profiles-service';
import type { ScryptCost } from './profiles/passwords';
import { createSecretsService } from './secrets/secrets-service';
import { createSettingsService } from './settings/settings-service';

export interface ServiceDeps {
  db: Db;
  mutator: Mutator;
  keystore: KeyStore;
  now: () => number;
  scryptCost: ScryptCost;
}

export function createServices(deps: ServiceDeps) {
  return {
    profiles: createProfilesService(deps),
    settings: createSettingsService(deps),
    secrets: createSecretsService(deps.keystore),
  };
}

export type Services = ReturnType<typeof createServices>;
