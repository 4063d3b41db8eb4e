/**
 * The last onboarding step (picking a starter deck) needs the new profile signed in, so it runs in the signed-in
 * app. Onboarding marks it due for the profile it created; the step clears the mark once a deck is picked or skipped.
 */
const due = new Set<string>();

export const starterStep = {
  markDue: (profileId: string): void => void due.add(profileId),
  isDue: (profileId: string): boolean => due.has(profileId),
  finish: (profileId: string): void => void due.delete(profileId),
};
