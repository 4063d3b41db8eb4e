/** Why the picker is shown, carried in the router's location state. */
export type PickerNotice = 'deleted' | 'reset' | 'idle';

export function pickerNoticeOf(state: unknown): PickerNotice | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === 'deleted' || notice === 'reset' || notice === 'idle' ? notice : null;
}
