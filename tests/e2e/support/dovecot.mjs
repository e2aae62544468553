// A private Dovecot for the tests (the same set-up as tests/support/imap_server.cpp): IMAP on
// 127.0.0.1 and a free port, no TLS (`ssl = no`), one user with a plain password in a
// passwd-file, Maildir under a scratch directory in os.tmpdir(). Dovecot refuses to run its
// login processes as root, so under root everything runs as `nobody` (setpriv changes user and
// group and then execs, so the child's pid stays Dovecot's) and the scratch directory is theirs.
//
//   const imap = await startDovecot();      // { url, username, password, deliver, flags, stop }
//   await imap.deliver(rawMessageWithCrlf);  // into INBOX, as a mail system would
//   await imap.stop();
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, constants, lchownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.mjs';

export const DOVECOT = '/usr/sbin/dovecot';
const SETPRIV = '/usr/bin/setpriv';

/** Whether Dovecot is installed (a test skips without it). */
export function dovecotAvailable() {
  try {
    accessSync(DOVECOT, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A line of /etc/passwd or /etc/group whose field `index` is `value`, split at ':'. */
function lookup(file, index, value) {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.split(':'))
    .find((fields) => fields[index] === String(value));
  if (!line) throw new Error(`dovecot: no entry with ${value} in ${file}`);
  return line;
}

/** Who Dovecot runs as: `nobody` under root, else the user running the tests. */
function runAs() {
  const root = process.geteuid() === 0;
  if (root) {
    const [name, , uid, gid] = lookup('/etc/passwd', 0, 'nobody');
    const [group] = lookup('/etc/group', 2, gid);
    return { root, name, uid: Number(uid), gid: Number(gid), group };
  }
  const gid = process.getegid();
  const [group] = lookup('/etc/group', 2, gid);
  return { root, name: userInfo().username, uid: process.geteuid(), gid, group };
}

function chownTree(dir, uid, gid) {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { recursive: true })) lchownSync(join(dir, entry), uid, gid);
}

const quoted = (text) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * A small IMAP connection for looking at the server from the side: `greeting`, then
 * `command(text)` → every line up to the tagged one (a literal is appended to the line that
 * announced it) and `status(lines)` ("OK", "NO", "BAD").
 */
async function openImap(port) {
  const socket = connect({ host: '127.0.0.1', port });
  socket.setTimeout(10_000, () => socket.destroy(new Error('dovecot: no answer within 10 s')));
  let buffer = Buffer.alloc(0);
  let wake = () => {};
  let failure = null;
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    wake();
  });
  const ended = (error) => {
    failure ??= error ?? new Error('dovecot: the connection ended');
    wake();
  };
  socket.on('error', ended);
  socket.on('close', () => ended());
  const more = () =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      wake = () => (failure ? reject(failure) : resolve());
    });
  async function line() {
    let text = '';
    for (;;) {
      const end = buffer.indexOf('\r\n');
      if (end < 0) {
        await more();
        continue;
      }
      text += buffer.subarray(0, end).toString('utf8');
      buffer = buffer.subarray(end + 2);
      const literal = /\{(\d+)\}$/.exec(text);
      if (!literal) return text;
      const size = Number(literal[1]);
      while (buffer.length < size) await more();
      text += buffer.subarray(0, size).toString('utf8');
      buffer = buffer.subarray(size);
    }
  }
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const greeting = await line();
  let tag = 0;
  return {
    greeting,
    async command(text) {
      const t = `x${++tag}`;
      socket.write(`${t} ${text}\r\n`);
      const lines = [];
      for (;;) {
        lines.push(await line());
        if (lines.at(-1).startsWith(`${t} `)) return lines;
      }
    },
    status: (lines) => lines.at(-1).split(' ')[1],
    close() {
      socket.destroy();
    },
  };
}

/**
 * Starts Dovecot (up to five ports: another process may take the free port before Dovecot binds
 * it, so the greeting, which carries a random marker, tells whether the server is ours).
 *
 * @returns {Promise<{ url: string, port: number, username: string, password: string,
 *   deliver: (raw: string | Buffer) => Promise<number>,
 *   flags: (uid: number) => Promise<string[] | null>, log: () => string, stop: () => Promise<void> }>}
 */
export async function startDovecot() {
  if (!dovecotAvailable()) throw new Error(`${DOVECOT} is not installed`);
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'aantafel-e2e-imap-'));
  const username = 'dossier';
  const password = randomBytes(12).toString('hex');
  writeFileSync(join(dir, 'users'), `${username}:{PLAIN}${password}::::::\n`);
  mkdirSync(join(dir, 'mail'));
  const readLog = (name) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      return '';
    }
  };

  let child = null;
  let output = '';
  let port = 0;
  let failures = '';
  for (let attempt = 0; attempt < 5 && !child; attempt += 1) {
    port = await freePort();
    const greeting = `aantafel-e2e-${port}-${randomBytes(4).toString('hex')}`;
    writeFileSync(join(dir, 'dovecot.conf'), configuration({ dir, port, greeting, user }));
    if (user.root) chownTree(dir, user.uid, user.gid);
    const argv = [DOVECOT, '-F', '-c', join(dir, 'dovecot.conf')];
    if (user.root) argv.unshift(SETPRIV, `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--');
    output = '';
    const started = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    started.stdout.on('data', keep);
    started.stderr.on('data', keep);
    started.on('error', keep);
    // Ready when our greeting comes back (about 0.2 s); a generous limit for a loaded machine.
    const deadline = Date.now() + 30_000;
    let ours = false;
    while (started.exitCode === null && started.signalCode === null && Date.now() < deadline) {
      try {
        const probe = await openImap(port);
        probe.close();
        ours = probe.greeting.includes(greeting);
        break; // someone else's server on this port when not ours: try another one
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    if (ours) {
      child = started;
      break;
    }
    failures += `attempt on port ${port}:\n${readLog('dovecot.log')}${output}\n`;
    await kill(started, 0);
  }
  if (!child) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`dovecot did not start:\n${failures}`);
  }

  async function login() {
    const imap = await openImap(port);
    const reply = await imap.command(`LOGIN ${quoted(username)} ${quoted(password)}`);
    if (imap.status(reply) !== 'OK') {
      imap.close();
      throw new Error(`dovecot: LOGIN failed: ${reply.at(-1)}`);
    }
    return imap;
  }

  let counter = 0;
  let queue = Promise.resolve();
  /** One delivery at a time: each gets the next UID, in the order of delivery. */
  const serial = (work) => {
    const run = queue.then(work);
    queue = run.catch(() => {});
    return run;
  };

  return {
    url: `imap://127.0.0.1:${port}`,
    port,
    username,
    password,
    /**
     * Puts `raw` (an RFC 5322 message, CRLF line ends) into INBOX the way a mail system does
     * (Maildir: written into tmp/, renamed into new/, owned by Dovecot's user); returns its UID.
     */
    deliver(raw) {
      return serial(async () => {
        const imap = await login();
        try {
          // The first STATUS of INBOX also makes its Maildir (cur, new, tmp), as Dovecot's user.
          if (imap.status(await imap.command('STATUS INBOX (UIDNEXT)')) !== 'OK') {
            throw new Error('dovecot: no INBOX');
          }
          const maildir = join(dir, 'mail', username, 'Maildir');
          const name = `${Math.floor(Date.now() / 1000)}.M${counter++}P${process.pid}.aantafel-e2e`;
          writeFileSync(join(maildir, 'tmp', name), raw);
          if (user.root) chownSync(join(maildir, 'tmp', name), user.uid, user.gid);
          renameSync(join(maildir, 'tmp', name), join(maildir, 'new', name));
          // Dovecot numbers new/ files when it next looks: looking now, one message at a time,
          // makes the UIDs follow the order of delivery.
          await imap.command('EXAMINE INBOX');
          let uid = 0;
          for (const line of await imap.command('UID SEARCH ALL')) {
            if (!line.startsWith('* SEARCH')) continue;
            for (const n of line.slice(8).trim().split(/\s+/).filter(Boolean)) uid = Math.max(uid, Number(n));
          }
          if (uid === 0) throw new Error('dovecot: the delivery did not show up');
          return uid;
        } finally {
          await imap.command('LOGOUT').catch(() => {});
          imap.close();
        }
      });
    },
    /** The flags of message `uid` in INBOX (e.g. the server's `$AantafelFiled`), null when gone. */
    flags(uid) {
      return serial(async () => {
        const imap = await login();
        try {
          if (imap.status(await imap.command('EXAMINE INBOX')) !== 'OK') return null;
          for (const line of await imap.command(`UID FETCH ${uid} (UID FLAGS)`)) {
            // Other FETCH responses (flag changes) may come along: only the one with this UID counts.
            const flags = /FLAGS \(([^)]*)\)/.exec(line);
            if (!line.startsWith('* ') || !flags || !new RegExp(`\\bUID ${uid}\\b`).test(line)) continue;
            return flags[1].split(/\s+/).filter(Boolean);
          }
          return null;
        } finally {
          await imap.command('LOGOUT').catch(() => {});
          imap.close();
        }
      });
    },
    /** Dovecot's log and its output, for a failure message. */
    log: () => readLog('dovecot.log') + output,
    /** Stops Dovecot (SIGTERM, SIGKILL after 10 s) and removes the scratch directory. */
    async stop() {
      await kill(child, 10_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** SIGTERM (or at once SIGKILL with `grace` 0), SIGKILL after `grace` ms; waits for the exit. */
async function kill(child, grace) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  // The master stops its processes and exits (it waits about a second for its log process).
  child.kill(grace > 0 ? 'SIGTERM' : 'SIGKILL');
  const timer = setTimeout(() => child.kill('SIGKILL'), grace);
  await gone;
  clearTimeout(timer);
}

/** dovecot.conf, as Configure() in tests/support/imap_server.cpp writes it (without OAuth2). */
function configuration({ dir, port, greeting, user }) {
  return [
    '# Written by tests/e2e/support/dovecot.mjs: a private, unprivileged Dovecot.',
    `instance_name = ${greeting}`,
    `login_greeting = ${greeting} ready.`,
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // A wrong password is answered at once, also the next time (no auth penalty).
    'auth_failure_delay = 0',
    // Every process as one user; without default_internal_group Dovecot chowns its stats socket
    // to the "dovecot" group, which an unprivileged user may not.
    `default_internal_user = ${user.name}`,
    `default_login_user = ${user.name}`,
    `default_internal_group = ${user.group}`,
    `first_valid_uid = ${user.uid}`,
    `first_valid_gid = ${user.gid}`,
    'service anvil {',
    '  chroot =',
    '  unix_listener anvil-auth-penalty {',
    '    mode = 0',
    '  }',
    '}',
    'service imap-login {',
    '  chroot =',
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    'passdb {',
    '  driver = passwd-file',
    '  mechanisms = plain login',
    `  args = scheme=PLAIN username_format=%n ${dir}/users`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = home=${dir}/mail/%n`,
    '}',
    'mail_location = maildir:~/Maildir',
    'namespace inbox {',
    '  inbox = yes',
    '  separator = /',
    '}',
    '',
  ].join('\n');
}
