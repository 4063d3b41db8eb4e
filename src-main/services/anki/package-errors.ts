/** A package Parley cannot import, with a message the learner can read. Nothing has been written when it is thrown. */
export class AnkiPackageError extends Error {
  override readonly name = 'AnkiPackageError';
}
