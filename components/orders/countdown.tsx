'use client';
// A live countdown to a statutory instant (the 72 hours after recall, C4). The deadline comes
// from the server (computed by lib/cto); this only shows how long is left. It ticks every
// second for sighted users, but announces to screen readers only every few minutes (and when
// the time has run out), so that assistive technology is not flooded.
import { useEffect, useRef, useState } from 'react';
import { formatInstant } from '@/lib/cto/dates';

const ANNOUNCE_EVERY_MS = 5 * 60_000;

function parts(ms: number): { hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    hours: Math.floor(total / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function inWords(ms: number): string {
  const { hours, minutes } = parts(ms);
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  const m = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return hours > 0 ? `${h} and ${m}` : m;
}

export function Countdown({
  deadline,
  label = 'Time left to release the patient or revoke the order',
}: {
  /** ISO instant. */
  deadline: string;
  label?: string;
}) {
  const end = Date.parse(deadline);
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState('');
  const lastAnnounced = useRef(0);

  useEffect(() => {
    const tick = () => {
      const t = Date.now();
      setNow(t);
      const left = end - t;
      const due = t - lastAnnounced.current >= ANNOUNCE_EVERY_MS;
      const justEnded = left <= 0 && lastAnnounced.current !== -1;
      if (justEnded) {
        lastAnnounced.current = -1;
        setAnnouncement('The time has run out.');
      } else if (left > 0 && due) {
        lastAnnounced.current = t;
        setAnnouncement(`${inWords(left)} left.`);
      }
    };
    // The first announcement waits a full interval: the page itself says how long is left.
    lastAnnounced.current = Date.now();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [end]);

  if (Number.isNaN(end)) return null;
  const left = end - now;
  const { hours, minutes, seconds } = parts(left);
  const when = formatInstant(new Date(end));
  return (
    <div className={`nhsuk-card app-countdown${left <= 0 ? ' app-countdown--ended' : ''}`}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s">{label}</h2>
        {left > 0 ? (
          <p className="nhsuk-heading-l nhsuk-u-margin-bottom-2" role="timer">
            <span suppressHydrationWarning>
              {hours}:{pad(minutes)}:{pad(seconds)}
            </span>
            <span className="nhsuk-u-visually-hidden"> (hours, minutes, seconds)</span>
          </p>
        ) : (
          <p className="nhsuk-heading-m nhsuk-u-margin-bottom-2">
            <strong>The time has run out.</strong>
          </p>
        )}
        <p className="nhsuk-body nhsuk-u-margin-bottom-0">
          {left > 0 ? 'Deadline: ' : 'Ended: '}
          <strong>{when}</strong>
        </p>
        <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </div>
      </div>
    </div>
  );
}
