// `npm start`: sideload the add-in into desktop Excel with office-addin-debugging when it is installed;
// otherwise say how to run it by hand. office-addin-debugging is not a dependency here: it pulls a
// native module that needs libsecret to build (../shared/TOOLCHAIN.md).
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("office-addin-debugging/cli.js");
} catch {
  cli = undefined;
}

if (!cli) {
  console.error(
    [
      "npm start cần gói office-addin-debugging, chưa được cài (gói này cần libsecret để biên dịch).",
      "npm start needs office-addin-debugging, which is not installed (it needs libsecret to build).",
      "",
      "Chạy thủ công / run by hand:",
      "  1. npm run dev-server            (https://localhost:3000/, bundles the pane)",
      "  2. nạp manifest.xml vào Excel / sideload manifest.xml:",
      "     Excel on the web: Insert › Add-ins › Upload My Add-in › manifest.xml",
      "     Excel for Windows: a shared-folder catalog (Trust Center › Trusted Add-in Catalogs)",
      "  or install it: apt-get install -y libsecret-1-dev && npm install --save-dev office-addin-debugging",
    ].join("\n"),
  );
  process.exit(1);
}

const r = spawnSync(process.execPath, [cli, "start", "manifest.xml", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(r.status ?? 1);
