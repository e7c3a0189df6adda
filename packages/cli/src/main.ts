import { AppError, formatIssues } from '@palliamonitor/data';
import { ConfigError, readConfig } from '@palliamonitor/server';
import { UsageError, type Io } from './usage';
import { serveCommand } from './commands/serve';
import { migrateCommand } from './commands/migrate';
import { seedDemoCommand } from './commands/seed-demo';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { bedsCommand, erlangBCommand } from './commands/erlang';
import { forecastCommand } from './commands/forecast';
import { backtestCommand } from './commands/backtest';
import { tokenCommand } from './commands/token';
import { userCommand } from './commands/user';
import {
  erlangCurveCommand,
  normCommand,
  occupancyCommand,
  simulateCommand,
} from './commands/calculators';

const HELP = `palliamonitor <command> [options]

Commands:
  serve [--port N] [--seed-if-empty]   start the web application and API
  migrate                              bring the store's schema up to date
  seed-demo                            add the synthetic demo data
  import boundaries <file> [--year Y]  official region boundaries (GeoJSON or TopoJSON)
  import hospices <file.csv>           hospice registry (all rows or none)
  import postcodes <file.csv>          PC4 centroids for the bed finder (pc4_centroids format)
  import cbs <file> [--table ID]       CBS StatLine table (OData JSON or CSV): 03759ned,
                                       37259ned, 85173NED
  export hospices [--format csv|json]  the hospice registry to standard output
  erlang-b --load <a> --beds <c>       Erlang B blocking and occupancy (JSON)
  beds --load <a> --target <B>         fewest beds with blocking ≤ B (JSON)
  forecast --region <ZKxx|NL> --scenario <id> --from <year> --to <year>
           [--format json|csv] [--uncertainty [--draws N] [--seed S]]
           [--target B] [--pooling hospice|cluster|region]
           [--multiple-registration-share S]   from 2000; JSON with rows, inputs, registry
  backtest --cutoff <year>             demography fitted up to the cut-off against CBS (JSON)
  token create --hospice <id> [--label L]  API token for a hospice system (last line)
  token list --hospice <id> | token revoke <token-id>
  user create --email E --name N --role R [--scope S]   an account (password from
                                       PALLIAMONITOR_PASSWORD, or generated and printed)
  norm --admissions N --los D --occupancy ρ   beds by the occupancy norm (JSON)
  occupancy --guests N --los D --beds C [--open-days N]   occupancy from guests (JSON)
  erlang-curve (--load a | --admissions N --los D) [--beds C] [--target B]
           [--from-beds C] [--to-beds C]   beds against refusal and occupancy (JSON)
  simulate --beds C (--load a | --admissions N) [--stay exponential|lognormal|empirical]
           [--los D] [--cv X] [--stays d,d,…] [--weights w,w,…]
           [--seasonality none|sine|deaths] [--amplitude A] [--peak-week W]
           [--days N] [--warmup-days N] [--replications R] [--seed S]
                                       discrete-event what-if (JSON)

Environment: PORT, DATA_DIR, DATABASE_URL`;

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  'seed-demo': seedDemoCommand,
  import: importCommand,
  export: exportCommand,
  'erlang-b': erlangBCommand,
  beds: bedsCommand,
  forecast: forecastCommand,
  backtest: backtestCommand,
  token: tokenCommand,
  user: userCommand,
  norm: normCommand,
  occupancy: occupancyCommand,
  'erlang-curve': erlangCurveCommand,
  simulate: simulateCommand,
};

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

/** Runs one command; returns the exit code. Never lets a stack trace reach the user. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`palliamonitor: unknown command "${name}" (try: palliamonitor help)`);
    return 2;
  }
  try {
    // Every environment variable is checked before any command runs (server/src/config.ts).
    readConfig(io.env);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`palliamonitor: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.err(`palliamonitor ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof AppError) {
      const details = error.issues.length > 0 ? `: ${formatIssues(error.issues)}` : '';
      io.err(`palliamonitor ${name}: ${error.message}${details}`);
      return 2;
    }
    const message = (error as Error).message ?? String(error);
    io.err(`palliamonitor ${name}: ${message.split('\n')[0]}`);
    return 1;
  }
}
