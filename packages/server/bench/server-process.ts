import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Runs the real `palliamonitor` command as a child process, for the durability and multi-process
// tests and the benchmarks: `serve --port 0` until it prints where it runs, or any other command to
// its end. Every wait is bounded, generously: the bounds guard against a hang, not a slow machine.

export const BIN = fileURLToPath(new URL('../../cli/bin/palliamonitor.js', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown code runs, as in a power cut or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // The child chooses its store from these alone, whatever the test runner's environment holds.
  const { DATABASE_URL: _db, DATA_DIR: _dir, TEST_DATABASE_URL: _test, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'error', ...env };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `palliamonitor serve --port 0` and resolves with its URL on 127.0.0.1. */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  timeoutMs = 300_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: REPO,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (out += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /Palliamonitor runs at http:\/\/localhost:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it started:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const done = exited(child);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** Runs another palliamonitor command to its end. */
export function runCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 300_000,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`palliamonitor ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
