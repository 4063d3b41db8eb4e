/** The file is not a healthy SQLite database. It is kept aside, never overwritten. */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`The database ${file} is damaged: ${reason}`);
    this.name = 'DatabaseCorruptError';
  }
}

/** The file was written by a newer Parley. Opening it could lose data the newer version relies on. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `This data was saved by a newer version of Parley (database schema ${fileVersion}; this version knows up to ${knownVersion}). ` +
        'Install the newer version to open it. The file has not been changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}
