import { useEffect, useState } from 'react';
import { countdownSentence, formatCountdown, secondsLeft } from './countdown';

/** Whole seconds left until `endsAt`, moving until it reaches zero. */
function useSecondsLeft(endsAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // A quarter second: the shown second changes on time without a render per frame.
    const tick = window.setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (secondsLeft(endsAt, time) === 0) window.clearInterval(tick);
    }, 250);
    return () => window.clearInterval(tick);
  }, [endsAt]);
  return secondsLeft(endsAt, now);
}

type CountdownProps = {
  endsAt: string;
  /** The block's class: the console's lobby and the presenter size it their own way. */
  className: string;
};

/**
 * The room's countdown. Sighted people read the figure; a screen reader hears the length when it
 * starts and "Time is up" at the end, not every second. A new timer is a new countdown.
 */
export function Countdown(props: CountdownProps) {
  return <CountdownFor key={props.endsAt} {...props} />;
}

function CountdownFor({ endsAt, className }: CountdownProps) {
  const left = useSecondsLeft(endsAt);
  const [length] = useState(left);
  const over = left === 0;
  return (
    <div className={over ? `${className} ${className}--over` : className} data-testid="room-countdown">
      <span className={`${className}__label`}>{over ? 'Time is up' : 'Time left'}</span>
      <span className={`${className}__figure`} role="timer" aria-label={countdownSentence(left)}>
        {formatCountdown(left)}
      </span>
      <span className="visually-hidden" role="status">
        {countdownSentence(over ? 0 : length)}
      </span>
    </div>
  );
}
