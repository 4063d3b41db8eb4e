import type { TFunction } from 'i18next';
import { roomProblemCodes, type RoomProblemCode } from '../../../src-shared/domain/livekit-room';
import { ApiError } from '../lib/api-error';
import { describeError } from './error-message';

/** The core's room problems travel as `details.problem` (src-shared/domain/livekit-room.ts). */
function roomProblemOf(details: unknown): RoomProblemCode | null {
  const problem = (details as { problem?: unknown } | undefined)?.problem;
  return (roomProblemCodes as readonly unknown[]).includes(problem) ? (problem as RoomProblemCode) : null;
}

/**
 * Why joining or sharing a room failed, in the learner's language: a known room problem, this page not being
 * allowed to reach the LiveKit server, livekit-client failing to connect, or any other failed call.
 */
export function roomProblemText(t: TFunction, error: unknown, blockedByPage = false): string {
  if (blockedByPage) return t('voice.room.problem.blocked');
  // Anything but a failed call comes from livekit-client: the LiveKit server could not be reached or refused.
  if (!(error instanceof ApiError)) return t('voice.room.problem.connect');
  const problem = roomProblemOf(error.details);
  return problem ? t(`voice.room.problem.${problem}`) : describeError(t, error);
}
