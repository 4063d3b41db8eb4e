import type { Mutator } from '../../db/mutate';
import type { Db } from '../../db/open';
import type { CoreEvents } from '../events';
import type { Logger } from '../logging';
import type { Host } from '../providers/host';
import type { KeyStore } from '../providers/keystore';
import { createAnkiService } from './anki/anki-service';
import { createBackupsService } from './backups/backups-service';
import { createDataService } from './data/data-service';
import { createBrowseService } from './browse/browse-service';
import { createDeckRows } from './decks/deck-rows';
import { createDecksService } from './decks/decks-service';
import { createPresetsService } from './decks/presets';
import { createImportsService } from './imports/imports-service';
import { createLlmService, type LlmOptions } from './llm/llm-service';
import { createJobsService } from './jobs/jobs';
import { createNotesService } from './notes/notes-service';
import { createOptimizerService } from './optimizer/optimizer-service';
import type { PolicyService } from './policy/policy-service';
import { createProfilesService } from './profiles/profiles-service';
import { createProgressService } from './progress/progress-service';
import type { ScryptCost } from './profiles/passwords';
import { createReviewService } from './review/review-service';
import { createSecretsService } from './secrets/secrets-service';
import { createSettingsService } from './settings/settings-service';
import { createTutorService } from './tutor/tutor-service';
import { createVoiceService, type VoiceOptions } from './voice/voice-service';
import { createSyncService } from './sync/sync-service';
import type { ReceivingHlcClock } from '../../db/hlc-clock';

export interface ServiceDeps {
  db: Db;
  mutator: Mutator;
  keystore: KeyStore;
  events: CoreEvents;
  now: () => number;
  scryptCost: ScryptCost;
  /** The data folder (database, uploads, media, logs). */
  dataDir: string;
  /** Bundled resources: starter decks, scenarios, word lists. */
  resourcesDir: string;
  /** The database file, for workers that open their own connection. */
  databaseFile: string;
  deviceId: string;
  /** The machine policy, built by the core before the database opens. */
  policy: PolicyService;
  /** Structured logs: codes, counts and file names, never the learner's words. */
  logger: Logger;
  /** What the hosting shell can do (open a folder, save a PDF); absent in tests that do not need it. */
  host?: Host;
  /** Model-call time limits and the local servers to probe (tests shorten and redirect them). */
  llmOptions?: LlmOptions;
  /** The core's HLC clock (sync moves it past remote timestamps). */
  hlc?: ReceivingHlcClock;
  /** Speech-call time limits (tests shorten them). */
  voiceOptions?: VoiceOptions;
}

export function createServices(deps: ServiceDeps) {
  const presets = createPresetsService(deps);
  const base = {
    profiles: createProfilesService(deps),
    settings: createSettingsService(deps),
    secrets: createSecretsService(deps.keystore),
    jobs: createJobsService(deps.events),
    presets,
    deckRows: createDeckRows({ ...deps, presets }),
    notes: createNotesService(deps),
  };
  const shared = { ...deps, ...base };
  const llm = createLlmService(shared);
  const tutor = createTutorService({ ...shared, llm });
  const sync = createSyncService(shared);
  return {
    ...base,
    decks: createDecksService(shared),
    review: createReviewService(shared),
    imports: createImportsService(shared),
    browse: createBrowseService(shared),
    optimizer: createOptimizerService(shared),
    anki: createAnkiService(shared),
    backups: createBackupsService(shared),
    data: createDataService(shared),
    progress: createProgressService(shared),
    llm,
    tutor,
    voice: createVoiceService({ ...shared, llm, tutor, sync }),
    sync,
  };
}

export type Services = ReturnType<typeof createServices>;
/** What a domain service may use: the shared dependencies and the base services. */
export type DomainDeps = ServiceDeps & {
  profiles: ReturnType<typeof createProfilesService>;
  settings: ReturnType<typeof createSettingsService>;
  secrets: ReturnType<typeof createSecretsService>;
  jobs: ReturnType<typeof createJobsService>;
  presets: ReturnType<typeof createPresetsService>;
  deckRows: ReturnType<typeof createDeckRows>;
  notes: ReturnType<typeof createNotesService>;
};
