import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../e2e/harness.ts';

const sharedAdminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const binaries = '/usr/lib/postgresql/15/bin';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the shared PostgreSQL, dropped (with its connections) afterwards. */
export async function createScratchDatabase(adminUrl = sharedAdminUrl): Promise<ScratchDatabase> {
  const name = `tandem_system_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runAsAdmin(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

async function runAsAdmin(adminUrl: string, statement: string) {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export interface PrivateCluster {
  /** The cluster's `postgres` database; use createScratchDatabase(adminUrl) for one of its own. */
  adminUrl: string;
  stop(): void;
  start(): void;
  /** Stops the cluster if it runs and removes its folder; safe to call whatever state it is in. */
  dispose(): void;
}

/**
 * A PostgreSQL cluster of the test's own, in a temporary folder on a free port, so the test may
 * stop and start it without touching the machine's shared PostgreSQL. As root, the binaries run
 * as the `postgres` user (initdb refuses to run as root).
 */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  if (!isInstalled()) throw new Error(`PostgreSQL 15 binaries are not installed in ${binaries}.`);
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-cluster-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
  }
  const run = (binary: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(binaries, binary), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(path.join(binaries, binary), args, { stdio: 'pipe' });
  const dataDir = path.join(folder, 'data');
  const port = await freePort();
  let isRunning = false;
  const start = () => {
    run('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      path.join(folder, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
    isRunning = true;
  };
  const stop = () => {
    run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    isRunning = false;
  };
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    start();
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw withOutput(error);
  }
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    dispose() {
      try {
        if (isRunning) stop();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

function isInstalled() {
  try {
    execFileSync(path.join(binaries, 'pg_ctl'), ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function withOutput(error: unknown) {
  const failed = error as { stderr?: Buffer; stdout?: Buffer; message?: string };
  return new Error(`${failed.message}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
}
