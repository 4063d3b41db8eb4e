import type { ServerConfig } from '../config';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';

/** PostgreSQL when DATABASE_URL is set, else the SQLite file in the data folder. */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'sqliteFile' | 'pgPoolSize'>): Promise<Store> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl, config.pgPoolSize);
  return openSqliteStore(config.sqliteFile);
}
