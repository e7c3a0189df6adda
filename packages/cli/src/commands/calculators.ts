import { AppError, CALCULATORS, type Calculator } from '@palliamonitor/data';
import { parseOptions, UsageError, type Io } from '../usage';

// The calculators on the command line: the same parameters, checks and results as
// /api/v1/calculators/*, with options in kebab-case (`--open-days` for openDays). Output contracts
// that scripts depend on: keep the keys exactly.

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const flag = (name: string) => `--${kebab(name)}`;

/** Parses `--name value` options of the specs and runs the calculator; bad input is exit code 2. */
function calculatorCommand<T>({ params: specs, run }: Calculator<T>) {
  return async (args: string[], io: Io): Promise<number> => {
    const names = Object.keys(specs);
    const options = Object.fromEntries(names.map((n) => [kebab(n), { type: 'string' as const }]));
    const { values } = parseOptions(args, options);
    const raw: Record<string, unknown> = {};
    for (const name of names) {
      const value = values[kebab(name)];
      if (value !== undefined) {
        raw[name] = value;
      }
    }
    let result: T;
    try {
      result = run(raw, flag);
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
        throw new UsageError(error.issues.map((i) => `${i.field} ${i.message}`).join('; '));
      }
      throw error;
    }
    io.out(JSON.stringify(result));
    return 0;
  };
}

/** `palliamonitor norm --admissions N --los D --occupancy ρ` → {"beds": whole beds, "exact": x} */
export const normCommand = calculatorCommand(CALCULATORS.norm);

/** `palliamonitor occupancy --guests N --los D --beds C [--open-days N]` */
export const occupancyCommand = calculatorCommand(CALCULATORS.occupancy);

/** `palliamonitor erlang-curve --load a | --admissions N --los D [--beds C] [--target B] …` */
export const erlangCurveCommand = calculatorCommand(CALCULATORS.erlangCurve);

/** `palliamonitor simulate --beds C --load a | --admissions N [--stay …] [--seasonality …] …` */
export const simulateCommand = calculatorCommand(CALCULATORS.simulation);
