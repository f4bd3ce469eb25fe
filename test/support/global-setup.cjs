// Build the command-line bundle once before the tests that run it, so parallel test workers never
// race to rebuild a stale bundle.
module.exports = async function globalSetup() {
  const { buildCli } = await import("../../scripts/build-cli.mjs");
  await buildCli();
};
