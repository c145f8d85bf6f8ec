// `azra-node provider` as a child process of a test: its log lines, waits on them, signals.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { nodeBinary, withTimeout } from './devnode.mjs';

const LOG_TAIL_LINES = 40;

/** Every agent a test file started, so `after` can kill the ones still running. */
const running = new Set();

export class ProviderAgent {
  /**
   * Spawns `azra-node provider <args>` (e.g. `--url`, `--suri //Ferdie`, `--enclave-seed
   * //FerdieEnclave`, `--prometheus-port N`); `name` labels its log in failure messages.
   */
  constructor(name, args) {
    this.name = name;
    this.lines = [];
    this.exited = null;
    this.waiters = new Set();
    this.child = spawn(nodeBinary(), ['provider', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(this);
    this.child.on('error', (err) => this.keep(`failed to start ${nodeBinary()}: ${err.message}`));
    for (const stream of [this.child.stdout, this.child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.keep(line.trimEnd()));
    }
    this.exitPromise = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exited = { code, signal };
        running.delete(this);
        resolve(this.exited);
      });
    });
  }

  keep(line) {
    if (line.trim() === '') return;
    this.lines.push(line);
    for (const waiter of this.waiters) waiter(line);
  }

  /** The agent's last lines, for failure messages. */
  logTail(n = LOG_TAIL_LINES) {
    const status = this.exited ? ` (exited: code ${this.exited.code}, signal ${this.exited.signal})` : '';
    return `--- ${this.name} log tail${status} ---\n${this.lines.slice(-n).join('\n')}\n--- end of ${this.name} log ---`;
  }

  /**
   * Resolves with the match of the first line (already printed or still to come) that
   * matches `regex`; rejects after `ms` with the agent's log tail.
   */
  waitForLine(regex, ms, devNode) {
    let waiter;
    const seen = new Promise((resolve, reject) => {
      for (const line of this.lines) {
        const match = line.match(regex);
        if (match) return resolve(match);
      }
      waiter = (line) => {
        const match = line.match(regex);
        if (match) resolve(match);
      };
      this.waiters.add(waiter);
      this.exitPromise.then(({ code, signal }) => reject(new Error(
        `${this.name} exited (code ${code}, signal ${signal}) before printing ${regex}\n${this.logTail()}`,
      )));
    });
    const what = `${this.name} to print ${regex}\n${this.logTail()}`;
    return withTimeout(seen, ms, what, devNode).finally(() => this.waiters.delete(waiter));
  }

  /** Sends `signal` and resolves with `{ code, signal }` once the agent exited. */
  kill(signal = 'SIGTERM') {
    if (!this.exited) this.child.kill(signal);
    return this.exitPromise;
  }
}

/** SIGKILLs every agent still running (for `after`). */
export async function killAllAgents() {
  await Promise.all([...running].map((agent) => agent.kill('SIGKILL')));
}

/** The value of Prometheus counter `name` at `http://127.0.0.1:<port>/metrics`. */
export async function metric(port, name) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (!line) throw new Error(`no metric ${name} at port ${port}:\n${text}`);
  return Number(line.split(/\s+/).pop());
}
