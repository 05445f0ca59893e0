import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { apiClient, eventually, testSecrets, type ApiClient } from '@emporium/kit/testing';
import { authorizeBody, withKey } from './helpers.ts';

/**
 * Runs the service as its own process at LOG_LEVEL=trace and reads everything it logs, to prove
 * no card number reaches a log line. The process uses in-memory storage: this is about logging,
 * which is the same in both modes.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const CARDS = ['4242424242424242', '4000000000000002', '4000000000009995'];

let child: ChildProcess;
let output = '';
let api: ApiClient;

before(async () => {
  const { DATABASE_URL: _db, AMQP_URL: _amqp, REDIS_URL: _redis, ...env } = process.env;
  child = spawn(process.execPath, ['--import', 'tsx', 'services/payments/src/main.ts'], {
    cwd: root,
    env: { ...env, ...testSecrets, PORT: '0', LOG_LEVEL: 'trace', DATA_DIR: 'memory://' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*payments listening/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`payments exited early (${code}): ${output}`)));
  });
  api = apiClient(url);
});

after(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

test('no card number appears in any log line, even at trace level and on errors', async () => {
  const [ok, declined, insufficient] = CARDS.map((cardNumber) => ({ cardNumber, expMonth: 12, expYear: 2099, cvc: '123' }));
  const auth = await api.post('/internal/payments/authorize', authorizeBody({ method: ok }), withKey());
  assert.equal(auth.status, 201);
  assert.equal((await api.post('/internal/payments/authorize', authorizeBody({ method: declined }), withKey())).status, 402);
  // Invalid requests carrying a card number: 400s must not echo it into the logs either.
  assert.equal((await api.post('/internal/payments/authorize', authorizeBody({ method: insufficient, currency: 'bad' }), withKey())).status, 400);
  assert.equal((await api.post('/internal/payments/authorize', authorizeBody({ method: insufficient }))).status, 400);
  const key = randomUUID();
  const body = authorizeBody({ method: ok });
  await api.post('/internal/payments/authorize', body, withKey(key));
  assert.equal((await api.post('/internal/payments/authorize', { ...body, amount: 1 }, withKey(key))).status, 422);

  // The logger writes asynchronously: wait until it has logged these requests.
  await eventually(() => /\/internal\/payments\/authorize/.test(output), 'request logs to be captured');
  for (const number of CARDS) {
    assert.ok(!output.includes(number), `card ${number} found in the logs`);
    assert.ok(!output.includes(number.match(/.{4}/g)!.join(' ')), `spaced card ${number} found in the logs`);
  }
  assert.doesNotMatch(output, /"cvc"/);
});
