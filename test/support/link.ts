import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port.js';

// The network between the tills and the test PostgreSQL: a process of its own that forwards one
// port to the server, so that the link can be taken down (connections cut, the port refusing
// new ones, as when a cable is pulled or the server's machine is off) and brought up again on
// the same port while the tills keep the one URL. It may also be slowed, each chunk the server
// sends held back a while, so that a long send can be caught half-way.

const FORWARDER = `
const net = require('node:net');
const [port, targetPort, targetHost, delay] = process.argv.slice(1);
net.createServer((client) => {
  const server = net.connect(Number(targetPort), targetHost);
  client.pipe(server);
  server.on('data', (chunk) => setTimeout(() => client.write(chunk), Number(delay)));
  server.on('end', () => setTimeout(() => client.end(), Number(delay)));
  for (const [a, b] of [[client, server], [server, client]]) a.on('error', () => b.destroy());
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('up\\n'));
`;

export class Link {
  private forwarder: ChildProcess | undefined;

  private constructor(
    private readonly port: number,
    private readonly target: URL,
  ) {}

  /** A link to the server of `url`, down until `up()`. */
  static async to(url: string): Promise<Link> {
    return new Link(await freePort(), new URL(url));
  }

  /** `url` (a logbook on the server) reached through this link. */
  through(url: string): string {
    const routed = new URL(url);
    routed.host = `127.0.0.1:${this.port}`;
    return routed.toString();
  }

  /** Brings the link up, each chunk from the server held back `delayMs`. */
  async up(delayMs = 0): Promise<void> {
    const forwarder = spawn(process.execPath, ['-e', FORWARDER, String(this.port), this.target.port, this.target.hostname, String(delayMs)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.forwarder = forwarder;
    await once(forwarder.stdout!, 'data');
  }

  /** Takes the link down: every connection through it is cut, and new ones are refused. */
  async down(): Promise<void> {
    const forwarder = this.forwarder;
    if (forwarder === undefined || forwarder.exitCode !== null) return;
    this.forwarder = undefined;
    forwarder.kill('SIGKILL');
    await once(forwarder, 'exit');
  }
}
