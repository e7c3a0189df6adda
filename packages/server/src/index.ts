export { buildApp, API_VERSION, type BuildOptions } from './app';
export { startServer, type ServeOptions } from './main';
export { readConfig, ConfigError, type Config } from './config';
