import type { DomainDeps } from '../index';

// TEMPORARY: replaced while the vocabulary issue is built.
export function createDecksService(_deps: DomainDeps) {
  return {};
}
