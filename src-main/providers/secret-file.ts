import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A JSON map of name → string kept in a file readable only by its owner, replaced atomically on every write.
 * Used as the raw storage under both key stores.
 */
export class SecretFile {
  private cache: Record<string, string> | null = null;

  constructor(private readonly file: string) {}

  read(): Record<string, string> {
    if (this.cache) return this.cache;
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      this.cache = isStringMap(parsed) ? parsed : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`The key store ${this.file} is unreadable`, { cause: error });
      this.cache = {};
    }
    return this.cache;
  }

  write(next: Record<string, string>): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(next), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
    this.cache = next;
  }
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}
