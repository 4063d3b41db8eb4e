import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The microphone's level, drawn straight into the DOM (30 updates a second would re-render the whole screen). */
export function LevelMeter({ subscribe }: { subscribe: (listener: (level: number) => void) => () => void }) {
  const { t } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  const meter = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      subscribe((level) => {
        const percent = Math.round(level * 100);
        if (bar.current) bar.current.style.transform = `scaleX(${level})`;
        meter.current?.setAttribute('aria-valuenow', String(percent));
      }),
    [subscribe],
  );
  return (
    <div
      ref={meter}
      className="level-meter"
      role="meter"
      aria-label={t('voice.level')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
    >
      <div ref={bar} className="level-meter-bar" />
    </div>
  );
}
