import { SingleBar } from 'cli-progress';
import type { Progress } from '../run/simulate';

export interface Reporter {
  readonly progress: Progress | undefined;
  done(): void;
}

/** A progress bar with ETA on a TTY, a plain line every 10 % otherwise, nothing with --quiet. */
export function reporter(label: string, quiet: boolean, unit = 'steps'): Reporter {
  if (quiet) return { progress: undefined, done: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | ETA {eta_formatted} | {value}/{total} ${unit}`,
      stream: process.stderr,
    });
    let started = false;
    return {
      progress: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        if (done % 16 === 0 || done === total) bar.update(done);
      },
      done: () => started && bar.stop(),
    };
  }
  let lastDecile = -1;
  return {
    progress: (done, total) => {
      const decile = Math.floor((done * 10) / total);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${label}: ${decile * 10}% (${done}/${total} ${unit})\n`);
      }
    },
    done: () => undefined,
  };
}
