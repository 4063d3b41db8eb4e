/**
 * The least grants every Parley room token carries (learner, tutor, guest): join this one room, publish the
 * microphone only, subscribe; no data messages, metadata, administration, room creation, listing or recording.
 */
export const roomOnlyGrants = (room: string) => ({
  room,
  roomJoin: true,
  canPublish: true,
  canPublishSources: ['microphone'],
  canSubscribe: true,
  canPublishData: false,
  canUpdateOwnMetadata: false,
  roomAdmin: false,
  roomCreate: false,
  roomList: false,
  roomRecord: false,
});
