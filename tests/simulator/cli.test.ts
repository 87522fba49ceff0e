// @vitest-environment node
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { TruthEntry } from '../../simulator/chaos.ts';
import { typeOf, type Watcher, watch } from '../fixtures/chaos-watcher';
import { clients, connected } from '../fixtures/simulator-client';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const watchers: Watcher[] = [];
const children: ChildProcess[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.terminate();
  await Promise.all(watchers.splice(0).map((watcher) => watcher.stop()));
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('simulator command line', () => {
  const cli = (args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', ...args], { cwd: REPO_ROOT });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited, output: () => output };
  };

  it('rejects a bad value with exit code 2', { timeout: 10_000 }, async () => {
    const run = cli(['--users', 'many']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('--users must be a number');
  });

  it('prints its url and stops on SIGINT, closing clients with 1001', { timeout: 10_000 }, async () => {
    const run = cli(['--port', '0', '--seed', '1']);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no url in: ${run.output()}`)), 8000);
      run.child.stdout?.on('data', () => {
        const match = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(run.output());
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const client = await connected({ url });
    run.child.kill('SIGINT');
    expect(await client.closed).toBe(1001);
    expect(await run.exited).toBe(0);
  });
});

describe('chaos command line', () => {
  it('runs with --chaos --seed --truth and writes the log on SIGINT', { timeout: 15_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chaos-cli-'));
    tempDirs.push(dir);
    const file = join(dir, 'truth.jsonl');
    const args = ['--chaos', '--seed', '42', '--port', '0', '--truth', file, '--fault-interval', '0.2'];
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'simulator/cli.ts', ...args, '--fault-time-scale', '0.01', '--faults', 'junk,burst,drop'],
      { cwd: REPO_ROOT },
    );
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no url in: ${output}`)), 10_000);
      child.stdout?.on('data', () => {
        const match = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const watcher = watch(url);
    watchers.push(watcher);
    await watcher.waitFor((frame) => typeOf(frame) === 'current_status', 5000);
    await sleep(1500);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('chaos mode: a fault every ~0.2 s');
    expect(output).toMatch(/chaos: faults .*\d+ expiries made known/);

    const entries = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as TruthEntry);
    expect(entries[0]).toMatchObject({ event: 'start', details: { seed: 42, faultInterval: 0.2 } });
    expect(entries.at(-1)?.event).toBe('stop');
    const kinds = new Set(entries.flatMap((entry) => (entry.event === 'fault' ? [entry.kind] : [])));
    expect(kinds.size).toBeGreaterThan(0);
    for (const kind of kinds) expect(['junk', 'burst', 'drop']).toContain(kind);
  });

  it('rejects the chaos flags without --chaos', { timeout: 10_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', '--truth', 'x.jsonl'], {
      cwd: REPO_ROOT,
    });
    children.push(child);
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(output).toContain('--truth needs --chaos');
  });
});
