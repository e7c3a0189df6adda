#!/usr/bin/env node
// The `palliamonitor` command. The packages are TypeScript run directly through tsx, so there is
// no build step between a change and running it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
