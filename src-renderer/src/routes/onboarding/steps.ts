/** The form steps that create the profile. */
export const onboardingSteps = ['name', 'languages', 'level', 'goals'] as const;
/** The steps as the learner sees them: the last one, a starter deck, comes once the profile exists. */
export const allOnboardingSteps = [...onboardingSteps, 'deck'] as const;
export type OnboardingStep = (typeof allOnboardingSteps)[number];
