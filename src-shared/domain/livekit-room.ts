import { z } from 'zod';

/**
 * Why a LiveKit room could not be joined or shared, as `details.problem` of the ContractError (the renderer says
 * each in the learner's language):
 * - `not_configured`: no LiveKit source, or the direct settings lack the address, key or secret;
 * - `school_signed_out`: "from the school server" is chosen but this profile is not signed in to one;
 * - `school_no_livekit`: the school server hands out no LiveKit tokens;
 * - `school_offline`: the school server could not be reached;
 * - `school_busy`: the school server refused for now (rate limit);
 * - `school_error`: the school server answered with another error;
 * - `no_room`: an invitation for a room this profile is not in.
 */
export const roomProblemCodes = [
  'not_configured',
  'school_signed_out',
  'school_no_livekit',
  'school_offline',
  'school_busy',
  'school_error',
  'no_room',
] as const;
export type RoomProblemCode = (typeof roomProblemCodes)[number];

/** Shown to the others in the room for an invited teacher or partner. */
export const guestName = z.string().trim().min(1).max(100);

/** An invitation to the current room: a guest token (an hour, publish and subscribe, no admin) and what to send. */
export const roomInvitation = z.object({
  url: z.string(),
  room: z.string(),
  token: z.string(),
  identity: z.string(),
  name: z.string(),
  expiresAt: z.number(),
  /** Opens the room in LiveKit Meet (the token travels in the link). */
  joinLink: z.string(),
  /** Ready to paste into a message: the link, then the address and the token for any other LiveKit app. */
  shareText: z.string(),
});
export type RoomInvitation = z.infer<typeof roomInvitation>;
