// Starts the real aantafel binary on a free loopback port with a fresh SQLite database,
// prepared with the CLI, and stops it again.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Binary under test: AANTAFEL_BIN (relative to the repo root) or build/debug/aantafel. */
export function binaryPath() {
  const bin = process.env.AANTAFEL_BIN ?? 'build/debug/aantafel';
  return isAbsolute(bin) ? bin : join(repoRoot, bin);
}

/** The built web app the server serves: AANTAFEL_WEB_DIST (relative to the repo root) or web/dist. */
export function webDist() {
  const dist = process.env.AANTAFEL_WEB_DIST ?? join('web', 'dist');
  return isAbsolute(dist) ? dist : join(repoRoot, dist);
}

/** Fails (before anything starts) when the web app has not been built. */
export function assertWebBuilt() {
  assert.ok(
    existsSync(join(webDist(), 'index.html')),
    `${webDist()} is missing: run \`npm ci && npm run build\` in web/ first (or set AANTAFEL_WEB_DIST)`,
  );
}

/**
 * A server with a fresh database (`options` as for AantafelServer), checked to have its binary;
 * `prepare(server)` makes its data with the CLI (`server.cli([...])`) before it starts.
 *
 * @param {ConstructorParameters<typeof AantafelServer>[0]} [options]
 * @param {(server: AantafelServer) => unknown} [prepare]
 */
export async function startServer(options = {}, prepare = () => {}) {
  const server = new AantafelServer(options);
  assert.ok(existsSync(server.bin), `server binary not found: ${server.bin} (set AANTAFEL_BIN)`);
  try {
    await prepare(server);
    await server.start();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** A free loopback port (the OS picks one; it stays free until someone listens on it). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export class AantafelServer {
  /**
   * @param {{ publicUrl?: string, smtp?: { url: string, from?: string }, port?: number,
   *   env?: Record<string, string> }} [options]
   *   publicUrl: the server's [server] public_url (AANTAFEL_SERVER_PUBLIC_URL); without it the
   *   built-in default, a loopback address.
   *   smtp: the mail relay ([smtp] url and from, tls "none"), e.g. a SmtpSink from smtp-sink.mjs;
   *   without it the server sends no mail (invitations then answer with their link).
   *   port: the loopback port to listen on (e.g. from `freePort()`), when something must know
   *   the address before the server starts (an OpenID provider's redirect URI); without it a
   *   free port is chosen at start(). `baseUrl` is known from the constructor on when it is given.
   *   env: more environment variables, e.g. the [sso] keys (AANTAFEL_SSO_ISSUER, …) or the
   *   [council] keys (AANTAFEL_COUNCIL_URL, …; without them Raadsinformatie is off).
   */
  constructor({ publicUrl, smtp, port, env } = {}) {
    this.bin = binaryPath();
    this.dir = mkdtempSync(join(tmpdir(), 'aantafel-e2e-'));
    this.database = `sqlite:${join(this.dir, 'e2e.db')}`;
    this.env = {
      ...process.env,
      AANTAFEL_SERVER_STATIC_DIR: webDist(),
      AANTAFEL_LOG_LEVEL: 'warn',
      // The run logs in about ten times a minute from one address; the limit is not under test.
      AANTAFEL_SECURITY_LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '1000',
      // AddressSanitizer in the debug build: report, do not stop on leaks at exit.
      ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? 'detect_leaks=0',
    };
    if (publicUrl) this.env.AANTAFEL_SERVER_PUBLIC_URL = publicUrl;
    else delete this.env.AANTAFEL_SERVER_PUBLIC_URL;
    for (const name of ['URL', 'USERNAME', 'PASSWORD', 'PASSWORD_FILE', 'FROM', 'TLS']) {
      delete this.env[`AANTAFEL_SMTP_${name}`];
    }
    // Single sign-on only when a test asks for it.
    for (const name of Object.keys(this.env)) {
      if (name.startsWith('AANTAFEL_SSO_')) delete this.env[name];
    }
    // Raadsinformatie is off (an empty [council] url) unless a test points it at its own stand-in
    // for Open Besluitvorming (support/openbesluitvorming.mjs): no e2e ever reaches the internet.
    for (const name of Object.keys(this.env)) {
      if (name.startsWith('AANTAFEL_COUNCIL_')) delete this.env[name];
    }
    this.env.AANTAFEL_COUNCIL_URL = '';
    Object.assign(this.env, env ?? {});
    if (smtp) {
      // The same keys as [smtp] url, from and tls in the config file.
      this.env.AANTAFEL_SMTP_URL = smtp.url;
      this.env.AANTAFEL_SMTP_FROM = smtp.from ?? 'aantafel@e2e.example';
      this.env.AANTAFEL_SMTP_TLS = 'none';
    }
    this.process = null;
    this.output = '';
    this.port = port ?? 0;
    this.baseUrl = port ? `http://127.0.0.1:${port}` : '';
  }

  /** `aantafel user add` for `who` ({ email, name, password }). */
  addUser(who) {
    return this.cli(['user', 'add', '--email', who.email, '--name', who.name, '--password-stdin'], `${who.password}\n`);
  }

  /** `aantafel workspace create` for `workspace` ({ slug, name, kind? }), owned by the address `owner`. */
  createWorkspace({ slug, name, kind }, owner) {
    return this.cli([
      'workspace', 'create', '--slug', slug, '--name', name, '--owner', owner,
      ...(kind ? ['--kind', kind] : []),
    ]);
  }

  /** Runs `aantafel --database … ARGS` and returns its stdout; throws on a non-zero exit. */
  cli(args, input) {
    const result = spawnSync(this.bin, ['--database', this.database, ...args], {
      env: this.env,
      cwd: this.dir, // the server keeps files such as var/aantafel.key relative to its cwd
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0) {
      throw new Error(
        `aantafel ${args.join(' ')} exited with ${result.status}\n${result.stdout}\n${result.stderr}`,
      );
    }
    return result.stdout;
  }

  async start() {
    const port = this.port || (await freePort());
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.process = spawn(
      this.bin,
      ['--database', this.database, 'serve', '--listen', `127.0.0.1:${port}`],
      { env: this.env, cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.process.stdout.on('data', keep);
    this.process.stderr.on('data', keep);
    const exited = new Promise((_, reject) =>
      this.process.once('exit', (code) =>
        reject(new Error(`aantafel serve exited early (${code}):\n${this.output}`)),
      ),
    );
    exited.catch(() => undefined);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.baseUrl}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await Promise.race([new Promise((r) => setTimeout(r, 100)), exited]);
    }
    throw new Error(`aantafel serve did not answer /healthz within 60 s:\n${this.output}`);
  }

  async stop() {
    const child = this.process;
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
