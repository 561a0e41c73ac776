import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';

export interface FolderLock {
  release(): void;
}

/**
 * PGlite does not stop a second process from opening the same folder, and two writers corrupt it.
 * A lock file holding the owner's pid, created atomically, makes the second process fail clearly.
 */
export function acquireFolderLock(folder: string): FolderLock {
  const lockPath = path.join(folder, 'tandem.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'DATABASE_BUSY',
          `The embedded database in ${path.resolve(folder)} is in use by another Tandem process (pid ${owner}), probably the running server. Stop it first, or use the server's API (an API token works with every command that has an API equivalent).`,
          { details: { pid: owner } },
        );
      }
      // The owner died without cleaning up (SIGKILL, power loss): the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('DATABASE_BUSY', `Could not lock ${path.resolve(folder)}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
