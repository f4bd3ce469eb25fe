// Lets Jest import text files (the bundled list of units) as strings, as esbuild and webpack do.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
