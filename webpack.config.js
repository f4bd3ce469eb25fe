/*
 * Builds the add-in: the task pane, the ribbon's function file and the parsing Web Worker, with
 * esbuild for TypeScript/TSX, html-webpack-plugin for the pages, and manifest.xml + assets copied.
 *
 *   npm run build              production into dist/ (dist/cli, the command line, is left alone);
 *                              ADDIN_URL=https://host/path/ puts the real address in dist/manifest.xml
 *   npm run dev-server         https://localhost:3000/ (http when no development certificate exists)
 *   webpack --env outDir=DIR   build elsewhere (the browser tests build into a temporary folder)
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");

const DEV_URL = "https://localhost:3000/";

/** ADDIN_URL as a base URL ending in `/`; https only (Office refuses anything else). */
function productionUrl() {
  const raw = process.env.ADDIN_URL;
  if (!raw) return undefined;
  const url = new URL(raw);
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be an https:// address, not ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/*
 * Nothing leaves the computer: scripts only from here and Microsoft's office.js CDN, no connections
 * but to this origin. Production only (the dev server needs its live-reload socket).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: o.ca, key: o.key, cert: o.cert } };
  } catch (e) {
    // Installing the CA needs a desktop trust store (absent on servers and containers); the
    // certificate itself is usually generated all the same: serve https with it, untrusted.
    const fs = require("node:fs");
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const file = (name) => path.join(dir, name);
    const why = e && e.message ? e.message.split("\n")[0] : String(e);
    if (["localhost.key", "localhost.crt", "ca.crt"].every((n) => fs.existsSync(file(n)))) {
      console.warn(
        `Development CA not installed (${why}); serving https with ${dir}, which browsers will not trust until its ca.crt is.`,
      );
      return {
        type: "https",
        options: {
          key: fs.readFileSync(file("localhost.key")),
          cert: fs.readFileSync(file("localhost.crt")),
          ca: fs.readFileSync(file("ca.crt")),
        },
      };
    }
    console.warn(`No development certificate (${why}); serving http://localhost:3000/. Office needs https.`);
    return { type: "http" };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist");
  const prodUrl = dev ? undefined : productionUrl();
  if (!dev && !prodUrl && !env.outDir) {
    console.warn(`ADDIN_URL is not set: dist/manifest.xml keeps ${DEV_URL}`);
  }

  return {
    mode,
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // Loaded with `new Worker("parse-worker.js")`; its own chunks, if any, come by importScripts.
      "parse-worker": { import: "./src/taskpane/parse-worker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: outDir,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      globalObject: "self",
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // papaparse's Node stream reader asks for "stream"; the pane never takes that path.
      fallback: { stream: false },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2017" },
        },
        // The official list of units, bundled as text (as esbuild and Jest do).
        { test: /\.csv$/, type: "asset/source" },
      ],
    },
    optimization: {
      // Also lowers node_modules code to ES2017 for the older Edge webview some Office builds use.
      minimizer: [new EsbuildPlugin({ target: "es2017", css: true })],
    },
    // ExcelJS (~1 MB) is a separate chunk fetched only when a file is made; the pane itself is small.
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        cspTag: dev ? "" : `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/compat.js", to: "compat.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return prodUrl ? content.toString().split(DEV_URL).join(prodUrl) : content;
            },
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? await httpsOptions() : "http",
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
