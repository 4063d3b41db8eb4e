import type { DomainDeps } from '../index';

// TEMPORARY: replaced while the vocabulary issue is built.
export function createBrowseService(_deps: DomainDeps) {
  return {};
}
