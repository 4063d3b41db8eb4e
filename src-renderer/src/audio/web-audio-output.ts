import type { PlaybackContext, ScheduledAudio } from './speech-player';

/** The speech player's output through Web Audio: decoded buffers started at exact times on the audio clock. */
export function webAudioOutput(ctx: AudioContext): PlaybackContext<AudioBuffer> {
  return {
    get currentTime() {
      return ctx.currentTime;
    },
    decode: (bytes) => ctx.decodeAudioData(bytes.slice().buffer),
    playAt(buffer, when): ScheduledAudio {
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(ctx.destination);
      source.start(when);
      return {
        stop: () => {
          try {
            source.stop();
          } catch {
            // already ended
          }
        },
        onEnded: (listener) => source.addEventListener('ended', listener, { once: true }),
      };
    },
  };
}
