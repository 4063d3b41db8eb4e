import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StartupProblem } from '../src-shared/contract/app';
import { ContractError, type ContractErrorShape, type Envelope } from '../src-shared/contract';
import { backupFileName, BackupUnusableError, listBackups, prepareRestore, setAside } from '../db/backups';
import { DatabaseCorruptError, DatabaseTooNewError } from '../db/errors';
import { createHlcClock } from '../db/hlc-clock';
import { createIdleCheckpointer, type IdleCheckpointer } from '../db/idle-checkpoint';
import { createMutator } from '../db/mutate';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { createDispatch } from './dispatch';
import { createCoreEvents, type CoreEvents } from './events';
import { handlers } from './handlers';
import type { HandlerContext } from './handlers/types';
import { createLogger, logsDirOf, type Logger } from './logging';
import { startIdleSignOut } from './policy/idle-sign-out';
import type { LoadedPolicy } from './policy/loaded-policy';
import { systemClock, type Clock } from './providers/clock';
import { headlessHost, type Host } from './providers/host';
import type { KeyStore } from './providers/keystore';
import { scheduleDailyBackup } from './services/app/daily-backup';
import type { AppControl } from './services/app/app-control';
import { createServices, type Services } from './services';
import type { LlmOptions } from './services/llm/llm-service';
import type { VoiceOptions } from './services/voice/voice-service';
import { createPolicyService } from './services/policy/policy-service';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './services/profiles/passwords';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY } from './security/csp';
import { SessionStore } from './sessions';

export interface CoreOptions {
  dataDir: string;
  keystore: KeyStore;
  migrationsDir: string;
  /** Bundled resources (starter decks, scenarios); `resources/` in the repo. */
  resourcesDir: string;
  shell: 'electron' | 'web' | 'test';
  clock?: Clock;
  host?: Host;
  version?: string;
  /** Check every handler's output against the contract (tests and development builds). */
  validateOutput?: boolean;
  logLevel?: string;
  scryptCost?: ScryptCost;
  /** The machine policy the shell read (locked settings, idle sign-out); none when absent. */
  policy?: LoadedPolicy;
  /** Model-call time limits and the local servers `llm:detectLocal` probes; tests shorten and redirect them. */
  llmOptions?: LlmOptions;
  /** Speech-call time limits (tests shorten them). */
  voiceOptions?: VoiceOptions;
}

export interface Core {
  dispatch(channel: string, rawInput: unknown, sessionId: string): Promise<Envelope<unknown>>;
  openSession(): string;
  closeSession(sessionId: string): void;
  readonly events: CoreEvents;
  readonly problem: StartupProblem | null;
  readonly dataDir: string;
  /**
   * The Content-Security-Policy for a page served now: both shells put it on every response. Its connect-src names
   * the LiveKit servers configured on this machine, so the renderer can reach them (security/csp.ts).
   */
  contentSecurityPolicy(): string;
  /** For tests and benchmarks only: the services and connection behind dispatch. */
  internals(): { services: Services; sqlite: Database.Database; sessionProfile(sessionId: string): string | null };
  close(): Promise<void>;
}

export const DATABASE_FILE = 'parley.db';

type State =
  | { kind: 'ready'; opened: OpenedDatabase; services: Services; pending: Promise<unknown>; checkpointer: IdleCheckpointer }
  | { kind: 'problem'; problem: StartupProblem }
  | { kind: 'closed' };

/** Opens the data folder and returns the core both shells host. Nothing here knows about Electron. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const file = path.join(options.dataDir, DATABASE_FILE);
  const backupsDir = path.join(options.dataDir, 'backups');
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = await createLogger(options.dataDir, options.logLevel);
  const logger = logFile.logger;
  const events = createCoreEvents();
  const sessions = new SessionStore();
  const policy = createPolicyService(options.policy);
  if (options.policy?.problems.length) logger.warn({ problems: options.policy.problems }, 'machine policy not applied');
  const stopIdleSignOut = startIdleSignOut({ sessions, events, now, minutes: policy.idleSignOutMinutes() });
  const host = options.host ?? headlessHost;

  const open = async (): Promise<State> => {
    try {
      const opened = await openDatabase({ file, migrationsDir: options.migrationsDir, backupsDir, now });
      const clock = createHlcClock(opened.db, now);
      const mutator = createMutator(opened.db, clock);
      const services = createServices({
        db: opened.db,
        mutator,
        keystore: options.keystore,
        events,
        now,
        scryptCost: options.scryptCost ?? DEFAULT_SCRYPT_COST,
        dataDir: options.dataDir,
        resourcesDir: options.resourcesDir,
        databaseFile: file,
        deviceId: clock.deviceId,
        hlc: clock,
        policy,
        logger,
        host,
        llmOptions: options.llmOptions,
        voiceOptions: options.voiceOptions,
      });
      const pending = scheduleDailyBackup(opened, backupsDir, now, logger);
      const checkpointer = createIdleCheckpointer(opened.sqlite);
      if (options.shell !== 'test') services.sync.startBackground();
      logger.info({ schemaVersion: opened.schemaVersion, backup: opened.preMigrationBackup !== null }, 'database ready');
      return { kind: 'ready', opened, services, pending, checkpointer };
    } catch (error) {
      return { kind: 'problem', problem: describeProblem(error, backupsDir, logger) };
    }
  };

  let state = await open();

  const app: AppControl = {
    info: () => ({
      name: 'Parley',
      version: options.version ?? '0.0.0-dev',
      shell: options.shell,
      schemaVersion: state.kind === 'ready' ? state.opened.schemaVersion : 0,
      problem: state.kind === 'problem' ? state.problem : null,
    }),
    openLogsFolder: async () => {
      const dir = logsDirOf(options.dataDir);
      return { path: dir, opened: await host.openPath(dir) };
    },
    restoreBackup: async (name, { whileRunning = false } = {}) => {
      const allowed = whileRunning ? state.kind === 'ready' : state.kind === 'problem' && state.problem.kind !== 'too_new';
      if (!allowed) throw new ContractError('CONFLICT', 'Restoring is offered only when the data could not be opened.');
      const ready = await prepareRestore(backupsDir, name, file).catch((error: unknown) => {
        throw error instanceof BackupUnusableError ? new ContractError('CONFLICT', error.message) : error;
      });
      if (state.kind === 'ready') {
        await state.services.jobs.cancelAll();
        await state.pending.catch(() => undefined);
        state.checkpointer.stop();
        state.opened.sqlite.close();
        state = { kind: 'closed' };
      }
      const stamp = backupFileName(whileRunning ? 'replaced' : 'damaged', now()).replace(/^parley-|\.db$/g, '');
      const aside = setAside(file, stamp);
      renameSync(ready, file);
      const source = path.join(backupsDir, path.basename(name));
      state = await open();
      if (state.kind !== 'ready') throw new ContractError('INTERNAL', 'The backup was restored but could not be opened.');
      logger.warn({ backup: path.basename(source) }, 'restored database from backup');
      return { restored: path.basename(source), setAside: path.basename(aside) };
    },
  };

  const services = (): Services => {
    if (state.kind !== 'ready') throw new ContractError('RECOVERY_REQUIRED', 'Parley could not open its data.');
    return state.services;
  };

  const context = (sessionId: string): HandlerContext | ContractErrorShape => {
    const session = sessions.get(sessionId);
    if (!session) return { code: 'UNAUTHENTICATED', message: 'This window’s session has ended. Reload to start again.' };
    session.lastActiveAt = now();
    return {
      session,
      sessions,
      events,
      app,
      policy,
      keystoreBackend: options.keystore.backend,
      profileId: session.profileId ?? '',
      get services() {
        return services();
      },
    };
  };

  const dispatchNow = createDispatch({
    handlers,
    context,
    inRecovery: () => state.kind !== 'ready',
    isAdmin: (profileId) => services().profiles.isAdmin(profileId),
    validateOutput: options.validateOutput ?? process.env.NODE_ENV !== 'production',
    logger,
  });
  // Calls are what the learner waits for: the WAL is copied into the database between them (db/idle-checkpoint.ts).
  const dispatch: Core['dispatch'] = (channel, rawInput, sessionId) =>
    state.kind === 'ready' ? state.checkpointer.around(() => dispatchNow(channel, rawInput, sessionId)) : dispatchNow(channel, rawInput, sessionId);

  return {
    dispatch,
    events,
    dataDir: options.dataDir,
    get problem() {
      return state.kind === 'problem' ? state.problem : null;
    },
    openSession: () => sessions.open(now()).id,
    contentSecurityPolicy: () => {
      if (state.kind !== 'ready') return CONTENT_SECURITY_POLICY;
      try {
        return contentSecurityPolicy(state.services.voice.livekitAddresses());
      } catch (error) {
        logger.warn({ err: { message: (error as Error)?.message } }, 'could not read the LiveKit addresses for the page policy');
        return CONTENT_SECURITY_POLICY;
      }
    },
    internals: () => {
      if (state.kind !== 'ready') throw new Error('The core is not ready');
      return { services: state.services, sqlite: state.opened.sqlite, sessionProfile: (id) => sessions.get(id)?.profileId ?? null };
    },
    closeSession: (id) => sessions.close(id),
    async close() {
      if (state.kind === 'ready') {
        await state.services.sync.stop();
        await state.services.jobs.cancelAll();
        await state.services.voice.stopAll();
        await state.services.tutor.stopAll();
        await state.pending.catch(() => undefined);
        state.checkpointer.stop();
        state.opened.sqlite.close();
      }
      stopIdleSignOut();
      state = { kind: 'closed' };
      await logFile.close();
    },
  };
}

function describeProblem(error: unknown, backupsDir: string, logger: Logger): StartupProblem {
  const backups = listBackups(backupsDir);
  if (error instanceof DatabaseTooNewError) {
    logger.error({ fileVersion: error.fileVersion, knownVersion: error.knownVersion }, 'database is newer than this version');
    return { kind: 'too_new', message: error.message, backups };
  }
  if (error instanceof DatabaseCorruptError) {
    logger.error({ reason: error.reason }, 'database is damaged');
    return {
      kind: 'corrupt',
      message: 'Parley’s data file is damaged and could not be opened. It has not been changed. You can restore the latest backup; the damaged file is kept aside.',
      backups,
    };
  }
  logger.error({ err: { message: (error as Error)?.message } }, 'database could not be opened');
  return { kind: 'unreadable', message: `Parley could not open its data: ${(error as Error)?.message ?? String(error)}`, backups };
}
