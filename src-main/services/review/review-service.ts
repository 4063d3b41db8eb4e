import type { DomainDeps } from '../index';

// TEMPORARY: replaced while the vocabulary issue is built.
export function createReviewService(_deps: DomainDeps) {
  return {};
}
