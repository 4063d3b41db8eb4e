import { z } from 'zod';
import { defineContract } from './define';
import { machinePolicySchema } from '../domain/policy';

/**
 * The machine policy in force, for the settings screens (which show locked settings as locked) and for the admin
 * (who needs to see why a policy file was not applied). Public and available in recovery: it holds no learner data.
 */
export const policyGet = defineContract({
  channel: 'policy:get',
  access: 'public',
  inRecovery: true,
  input: z.strictObject({}),
  output: z.object({
    /** The values in force: empty when there is no policy file or it is invalid. */
    policy: machinePolicySchema,
    /** Setting keys the learner and the admin cannot change. */
    locked: z.array(z.string()),
    /** What is wrong with the policy file, for the admin; empty when it is fine or absent. */
    problems: z.array(z.string()),
  }),
});

export const policyContract = [policyGet] as const;
