/**
 * One run at a time, and never a request lost: asks that come while a run is in flight collapse
 * into one more run after it. The console reads the stored workshop this way when other writers
 * announce changes, so a room sending forty ballots a second costs it a read (and a render) per
 * burst, each showing every change announced before it started, instead of forty overlapping
 * reads whose answers each re-render the whole step.
 */
export function singleFlight(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    try {
      do {
        again = false;
        await run();
      } while (again);
    } finally {
      running = undefined;
    }
  };
  return () => {
    if (running) again = true;
    else running = loop();
    return running;
  };
}
