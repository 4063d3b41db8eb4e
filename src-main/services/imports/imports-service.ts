import type { DomainDeps } from '../index';

// TEMPORARY: replaced while the vocabulary issue is built.
export function createImportsService(_deps: DomainDeps) {
  return {};
}
