// A real SMTP server on 127.0.0.1 (a free port) that keeps every message it receives, parsed
// with mailparser, so a test can wait for a mail and read its parts. No authentication and no
// TLS: the aantafel server under test is configured with `[smtp] tls = "none"`.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export class SmtpSink {
  constructor() {
    /** @type {{ envelope: { from: string, to: string[] }, raw: string, mail: import('mailparser').ParsedMail }[]} */
    this.messages = [];
    this.waiters = new Set();
    this.port = 0;
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      hideSTARTTLS: true,
      logger: false,
      banner: 'aantafel e2e sink',
      onData: (stream, session, callback) => {
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then(
            (mail) => {
              this.messages.push({
                envelope: {
                  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                  to: session.envelope.rcptTo.map((r) => r.address),
                },
                raw,
                mail,
              });
              for (const waiter of this.waiters) waiter();
              callback();
            },
            (error) => callback(error),
          );
        });
      },
    });
    this.server.on('error', () => {
      // A client that hangs up early is not a test failure; the waiting test times out instead.
    });
  }

  /** Starts listening on 127.0.0.1 and a free port; the address is in `url`. */
  start() {
    return new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.port = this.server.server.address().port;
        resolve(this);
      });
    });
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** All messages to `address` (lower-cased compare) so far. */
  to(address) {
    const wanted = address.toLowerCase();
    return this.messages.filter((m) => m.envelope.to.some((to) => to.toLowerCase() === wanted));
  }

  /**
   * Waits for a message to `address` that arrives after `after` messages to it (default: the
   * ones already there) and matches `filter`; returns it.
   */
  async waitFor(address, { after = this.to(address).length, filter = () => true, timeoutMs = 20_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address).slice(after).find(filter);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `no mail to ${address} within ${timeoutMs} ms (the sink has ${this.messages.length} messages, to: ${this.messages
            .map((m) => m.envelope.to.join(','))
            .join('; ')})`,
        );
      }
      await new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 250));
        this.waiters.add(done);
      });
    }
  }

  stop() {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The first link in a text that starts with `base` (the server's public address). */
export function linkIn(text, base) {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"'<>]+`).exec(text ?? '');
  return match ? match[0] : null;
}
