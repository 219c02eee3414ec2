// Child processes for the project's scripts: run to completion, or start and stop a server.
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from './database.ts';

export function run(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  options: { quiet?: boolean } = {},
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: projectRoot,
      stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
      env: { ...process.env, ...env },
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.once('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
  });
}

export function npxBin(name: string): string {
  return `${projectRoot}/node_modules/.bin/${name}`;
}

export interface Server {
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts the production server with `next start` (by PID, so that stopping it works). */
export function startNext(
  port: number,
  env: Record<string, string | undefined>,
  quiet = false,
  host = '127.0.0.1',
): Server {
  const child = spawn(
    process.execPath,
    [`${projectRoot}/node_modules/next/dist/bin/next`, 'start', '-p', String(port), '-H', host],
    {
      cwd: projectRoot,
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', ...env },
    },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function waitForHealth(baseUrl: string, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}
