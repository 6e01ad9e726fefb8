// Switchboard needs Node.js >= 22.14 (24 LTS recommended): better-sqlite3 13's Node-API build
// crashes older Node outright. Entry points call this first so a user on Node 20 gets one
// sentence instead of a segmentation fault (npm's pretest runs scripts/check-node.mjs).

export const MIN_NODE = [22, 14];

export function nodeVersionProblem(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [needMajor, needMinor] = MIN_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `Switchboard needs Node.js ${needMajor}.${needMinor} or newer (24 LTS recommended); this is Node.js ${version}. Install Node 24 (see .nvmrc) and run the command again.`;
}

export function assertNodeVersion() {
  const problem = nodeVersionProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
