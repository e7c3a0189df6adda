import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: exit code 2 and a one-line message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** parseArgs that turns its errors into one-line usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  // `--load -1` is a negative number, not a missing value: join it so the range check can say so.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  try {
    return parseArgs({ args: joined, options, allowPositionals, strict: true });
  } catch (error) {
    // Node's messages are long and suggest '--' tricks; keep the first sentence.
    const message = (error as Error).message.replace(/\s+/g, ' ').split('. ')[0]!;
    throw new UsageError(message);
  }
}

export function requireNumber(
  value: string | undefined,
  name: string,
  check: (n: number) => boolean,
  rule: string,
): number {
  if (value === undefined) {
    throw new UsageError(`missing option --${name}`);
  }
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`--${name} must be ${rule}, got "${value}"`);
  }
  return n;
}

/** What a command writes; tests pass their own to read the output. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}
