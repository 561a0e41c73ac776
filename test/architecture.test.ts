import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Layer = 'core' | 'contracts' | 'server' | 'web' | 'cli';

/** Which layers each layer may import (docs/ARCHITECTURE.md, "Import direction"). */
const allowed: Record<Layer, Layer[]> = {
  core: ['core'],
  contracts: ['contracts', 'core'],
  server: ['server', 'contracts', 'core'],
  web: ['web', 'contracts', 'core'],
  cli: ['cli', 'server', 'contracts', 'core'],
};

// Modules that do I/O; the pure core must not touch them.
const ioModules =
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster|readline)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function layerOf(file: string): Layer | null {
  const relative = path.relative(path.join(root, 'src'), file);
  const first = relative.split(path.sep)[0];
  return first && first in allowed ? (first as Layer) : null;
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) specifiers.push((match[1] ?? match[2] ?? match[3])!);
  return specifiers;
}

const files = sourceFiles(path.join(root, 'src'));

describe('the import direction', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('keeps every import pointing the allowed way (core ← contracts ← server ← cli; web → contracts, core)', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue;
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const to = layerOf(path.resolve(path.dirname(file), specifier));
        if (to && !allowed[from].includes(to)) violations.push(`${path.relative(root, file)} → ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the core pure: no I/O modules and no process.env', () => {
    const violations: string[] = [];
    for (const file of files.filter(
      (candidate) => layerOf(candidate) === 'core' && !candidate.endsWith('.test.ts'),
    )) {
      const source = readFileSync(file, 'utf8');
      for (const specifier of importsOf(source))
        if (ioModules.test(specifier)) violations.push(`${path.relative(root, file)} imports ${specifier}`);
      if (/process\.env/.test(source)) violations.push(`${path.relative(root, file)} reads process.env`);
    }
    expect(violations).toEqual([]);
  });

  it('reads process.env only in src/server/env.ts', () => {
    const readers = files
      .filter((file) => !file.endsWith('.test.ts') && /process\.env/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(readers).toEqual(['src/server/env.ts']);
  });

  it('lets no server feature import the app that assembles them', () => {
    const violations = files
      .filter((file) => file.includes(`${path.sep}server${path.sep}features${path.sep}`))
      .filter((file) =>
        importsOf(readFileSync(file, 'utf8')).some((specifier) => /\/(app|main|serve)\.ts$/.test(specifier)),
      )
      .map((file) => path.relative(root, file));
    expect(violations).toEqual([]);
  });

  it('has no barrel index files and only kebab-case file names', () => {
    const offenders = files
      .map((file) => path.basename(file))
      .filter(
        (name) => name.startsWith('index.') || !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9-]+)*\.tsx?$/.test(name),
      );
    expect(offenders).toEqual([]);
  });
});
