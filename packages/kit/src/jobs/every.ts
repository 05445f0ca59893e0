import type { ServiceApp } from '../server.ts';

export interface PeriodicJob {
  /** Runs the job now (or joins the pass already running); for tests and callers that cannot wait. */
  runNow(): Promise<void>;
}

export interface EveryOptions {
  /** Names the job in the log when a pass fails. */
  name: string;
  /** Run a first pass as soon as the app is ready instead of one interval later (default true). */
  runAtStart?: boolean;
}

/**
 * Runs `job` every `intervalMs` for as long as the app lives: it starts when the app is ready and
 * stops when it closes (closing waits for a pass in progress). Passes never overlap: the next one
 * is timed from the end of the previous. A failed pass is logged and the next runs as planned.
 */
export function every(app: ServiceApp, intervalMs: number, job: () => Promise<unknown>, options: EveryOptions): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  const runNow = (): Promise<void> => {
    running ??= job()
      .then(() => undefined)
      .catch((error) => app.log.warn({ err: error, job: options.name }, `${options.name} failed; will run again`))
      .finally(() => {
        running = undefined;
        schedule();
      });
    return running;
  };
  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void runNow(), intervalMs);
    timer.unref(); // never keeps the process alive on its own
  };

  app.addHook('onReady', async () => {
    stopped = false;
    if (options.runAtStart ?? true) void runNow();
    else schedule();
  });
  app.addHook('onClose', async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  });
  return { runNow };
}
