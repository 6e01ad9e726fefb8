// npm pretest: stop with one sentence when Node is too old (see node-version.mjs).
import { assertNodeVersion } from './node-version.mjs';

assertNodeVersion();
