/**
 * Command line of the sandbox (built to dist/sandbox.js):
 *   node dist/sandbox.js --port 8787 --api-key <k> [--team-id <t>] [--batch-delay-ms <n>]
 *     [--seed demo|none] [--seed-contacts N] [--seed-companies N] [--rate-limit N] [--compat doc|sister]
 *     [--faults] [--quiet]
 * Prints the URL and the key, logs one line per request, and closes cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { COMPAT_MODES, isCompat } from './compat';
import { DEFAULT_API_KEY, DEFAULT_BATCH_DELAY_MS, startSandbox, type SandboxOptions } from './index';
import { messageOf } from '../core/message-of';

const USAGE = `Usage: node dist/sandbox.js [options]
  --port <n>             port on 127.0.0.1 (default 8787; 0 = any free port)
  --api-key <key>        the accepted API key (default ${DEFAULT_API_KEY})
  --team-id <id>         require this Team-ID when a request sends one
  --batch-delay-ms <n>   pause per 1,000-row batch of imports/exports (default ${DEFAULT_BATCH_DELAY_MS})
  --seed demo|none       demo data or an empty team (default demo)
  --seed-contacts <n>    demo contacts (default 5000)
  --seed-companies <n>   demo companies (default 500)
  --rate-limit <n>       requests per minute per key (default 300)
  --compat doc|sister    answer as the documented contract (default doc), or with
                         every variant the real server may send instead (sister)
  --faults               enable /__sandbox/faults, /__sandbox/reset, /__sandbox/state
  --quiet                no per-request log lines
  --help                 this text`;

class UsageError extends Error {}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} needs a whole number, got "${value}".`);
  return Number(value);
}

function readOptions(argv: string[]): SandboxOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' }, 'api-key': { type: 'string' }, 'team-id': { type: 'string' },
        'batch-delay-ms': { type: 'string' }, seed: { type: 'string' }, 'seed-contacts': { type: 'string' },
        'seed-companies': { type: 'string' }, 'rate-limit': { type: 'string' }, compat: { type: 'string' }, faults: { type: 'boolean' },
        quiet: { type: 'boolean' }, help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  if (values.help) return 'help';
  const seed = values.seed;
  if (seed !== undefined && seed !== 'demo' && seed !== 'none') throw new UsageError(`--seed must be demo or none, got "${seed}".`);
  const compat = values.compat;
  if (compat !== undefined && !isCompat(compat)) throw new UsageError(`--compat must be ${COMPAT_MODES.join(' or ')}, got "${compat}".`);
  const port = integer(values.port, '--port') ?? 8787;
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}.`);
  const rateLimit = integer(values['rate-limit'], '--rate-limit');
  if (rateLimit === 0) throw new UsageError('--rate-limit must be at least 1.');
  const apiKey = values['api-key'];
  if (apiKey !== undefined && (apiKey === '' || /\s/.test(apiKey))) throw new UsageError('--api-key must be non-empty and without spaces.');
  return {
    port,
    ...(apiKey !== undefined ? { apiKey } : {}),
    ...(values['team-id'] !== undefined ? { teamId: values['team-id'] } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(compat !== undefined ? { compat } : {}),
    batchDelayMs: integer(values['batch-delay-ms'], '--batch-delay-ms'),
    seedContacts: integer(values['seed-contacts'], '--seed-contacts'),
    seedCompanies: integer(values['seed-companies'], '--seed-companies'),
    rateLimitPerMinute: rateLimit,
    faults: values.faults === true,
    log: values.quiet === true ? () => undefined : (line) => console.log(line),
  };
}

async function main(): Promise<void> {
  let options: SandboxOptions | 'help';
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox(options);
  console.log(`GetSales sandbox listening on ${sandbox.url}`);
  console.log(`API key: ${sandbox.apiKey}${sandbox.teamId !== undefined ? `  Team-ID: ${sandbox.teamId}` : ''}`);
  console.log('Press Ctrl+C to stop.');
  const stop = (signal: string): void => {
    console.log(`${signal} received, closing the sandbox…`);
    sandbox.close().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(messageOf(error));
  process.exit(1);
});
