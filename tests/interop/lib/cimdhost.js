// Starts a CimdHost on loopback for the suite and stops it again, always by its PID.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CLIENTS_DIR = path.join(REPO_ROOT, 'clients.d');
const DEFAULT_DLL = path.join(REPO_ROOT, 'src', 'CimdHost', 'bin', 'Debug', 'net10.0', 'CimdHost.dll');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const OUTPUT_KEPT = 4_096; // the tail of the service's output, shown when it fails to start

/** A free TCP port on 127.0.0.1 (the OS picks one; it is released before the service binds it). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function loopbackUrl(value, name) {
  const url = new URL(value);
  if (url.hostname !== '127.0.0.1') {
    throw new Error(`${name} must be an http://127.0.0.1:<port> URL, got ${value}`);
  }
  return url.origin;
}

async function status(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  }
}

/**
 * Starts `dotnet <CIMDHOST_DLL> --urls http://127.0.0.1:<port>` serving the shipped clients.d, with its
 * management listener on another loopback port, and waits for GET /readyz to answer 200.
 *
 * CIMDHOST_URL (and optionally CIMDHOST_MANAGEMENT_URL) instead points the suite at a CimdHost that is
 * already running on 127.0.0.1; nothing is started or stopped then.
 */
export async function startCimdHost() {
  if (process.env.CIMDHOST_URL) {
    const publicBase = loopbackUrl(process.env.CIMDHOST_URL, 'CIMDHOST_URL');
    const managementBase = process.env.CIMDHOST_MANAGEMENT_URL
      ? loopbackUrl(process.env.CIMDHOST_MANAGEMENT_URL, 'CIMDHOST_MANAGEMENT_URL')
      : undefined;
    return { publicBase, managementBase, describe: `an already running CimdHost at ${publicBase}`, stop: async () => {} };
  }

  const dll = process.env.CIMDHOST_DLL || DEFAULT_DLL;
  if (!existsSync(dll)) {
    throw new Error(`CimdHost is not built: ${dll} does not exist (run: dotnet build src/CimdHost)`);
  }
  const [publicPort, managementPort] = [await freePort(), await freePort()];
  const publicBase = `http://127.0.0.1:${publicPort}`;
  const managementBase = `http://127.0.0.1:${managementPort}`;
  const child = spawn('dotnet', [dll, '--urls', publicBase], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      Management__Urls: managementBase,
      Clients__Directory: CLIENTS_DIR,
      DOTNET_NOLOGO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitedPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  // A crash of the test process must not leave the service running.
  const killOnExit = () => {
    if (exited === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (exited !== null) return;
    const signal = (name) => {
      try {
        process.kill(child.pid, name);
      } catch (error) {
        if (error.code !== 'ESRCH') throw error; // it has just exited
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => exited === null && signal('SIGKILL'), STOP_TIMEOUT_MS);
    await exitedPromise;
    clearTimeout(timer);
  };

  // /readyz may live on either listener; the first that answers 200 wins.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) {
      throw new Error(`CimdHost exited before it was ready (${JSON.stringify(exited)}):\n${output}`);
    }
    const answers = [await status(`${managementBase}/readyz`), await status(`${publicBase}/readyz`)];
    if (answers.includes(200)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`CimdHost answered no GET /readyz with 200 within ${READY_TIMEOUT_MS / 1000} s `
        + `(last: management ${answers[0] ?? 'no answer'}, public ${answers[1] ?? 'no answer'}); its output ends:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    publicBase,
    managementBase,
    pid: child.pid,
    describe: `\`dotnet ${path.relative(REPO_ROOT, dll)}\` serving the shipped clients.d`,
    output: () => output,
    stop,
  };
}
