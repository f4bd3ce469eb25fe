// `npm start` / `npm run stop`: sideload the add-in into desktop Excel with office-addin-debugging, as
// Microsoft's add-in templates do. It is an optional dependency: its keytar module needs libsecret
// to build on Linux (../shared/TOOLCHAIN.md), and Linux has no desktop Excel anyway, so where it is
// missing or cannot help we say how to run the add-in by hand instead of failing obscurely.
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";

const command = process.argv[2] === "stop" ? "stop" : "start";
const require = createRequire(import.meta.url);

function resolveDebugging() {
  try {
    return require.resolve("office-addin-debugging/cli.js");
  } catch {
    return undefined;
  }
}

const byHand = [
  "Chạy thủ công / run by hand:",
  "  1. npm run dev-server            (https://localhost:3000/, bundles the pane)",
  "  2. nạp manifest.xml vào Excel / sideload manifest.xml:",
  "     Excel on the web: Home › Add-ins › More Add-ins › Upload My Add-in › manifest.xml",
  "     Excel for Windows: a shared-folder catalog (Trust Center › Trusted Add-in Catalogs)",
  "     Excel for Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef",
  "  (README.md, «Installing the add-in»)",
];

const cli = resolveDebugging();
const desktop = process.platform === "win32" || process.platform === "darwin";

if (!cli || !desktop) {
  console.error(
    [
      !desktop
        ? "Máy này không có Excel bản cài đặt (desktop) để nạp add-in tự động."
        : "npm start cần gói office-addin-debugging, chưa được cài (npm install sẽ cài nó).",
      !desktop
        ? "This machine has no desktop Excel to sideload the add-in into."
        : "npm start needs office-addin-debugging, which is not installed (npm install installs it).",
      "",
      ...byHand,
    ].join("\n"),
  );
  process.exit(command === "stop" ? 0 : 1);
}

const args =
  command === "start"
    ? [
        "start",
        "manifest.xml",
        "desktop",
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        "3000",
      ]
    : ["stop", "manifest.xml", "desktop"];
const r = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" });
process.exit(r.status ?? 1);
