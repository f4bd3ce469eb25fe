// The floor in Node: read every workbook under a folder and inflate every zip entry with fflate
// (the library ChiTieu's reader uses), parsing nothing, on one thread.
//   node bench/floor.mjs FOLDER
import { unzipSync } from "fflate";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let files = 0;
let inflated = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".xlsx")) {
      for (const data of Object.values(unzipSync(readFileSync(p)))) inflated += data.length;
      files++;
    }
  }
};
walk(process.argv[2]);
console.log(`${files} files, ${inflated} bytes inflated`);
