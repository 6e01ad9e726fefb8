// The app version, taken from package.json at build time (bundlers inline the JSON).
import pkg from '../../package.json';

export const APP_VERSION: string = pkg.version;
