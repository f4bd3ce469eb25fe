import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { serialize, deserialize } from "node:v8";
import { findTemplate } from "../../src/core/catalog/templates";
import type { ParsedFile } from "../../src/core/consolidate/types";
import { fromWire, parseFile, toWire } from "../../src/io/parse-file";

/* What a worker thread sends back for a file: the template as its id, linked again on arrival. */

const DIR = path.join(__dirname, "..", "..", "samples", "son-la", "bao-cao");
const xlsx = readdirSync(DIR).find((n) => n.endsWith(".xlsx"))!;

/** JSON with Maps as entry lists: v8.deserialize builds its Maps in Node's realm, not the test's. */
const plain = (x: unknown): unknown =>
  JSON.parse(
    JSON.stringify(x, (_k, v: unknown) =>
      Object.prototype.toString.call(v) === "[object Map]" ? Array.from(v as Map<unknown, unknown>) : v,
    ),
  );

describe("a parsed file across threads", () => {
  const parsed = parseFile({ path: xlsx, bytes: new Uint8Array(readFileSync(path.join(DIR, xlsx))) });

  it("arrives with the catalog's own template, everything else as it was", () => {
    expect(parsed.submissions[0]?.meta.template?.id).toBe("ktxh-xa");
    const arrived = fromWire(deserialize(serialize(toWire(parsed))) as ParsedFile);
    expect(arrived.submissions[0]!.meta.template).toBe(findTemplate("ktxh-xa"));
    expect(plain(arrived)).toEqual(plain(parsed));
  });

  it("travels lighter than with the template in full, and leaves the sender's file alone", () => {
    const full = serialize(parsed).length;
    const wire = serialize(toWire(parsed)).length;
    expect(wire).toBeLessThan(full - 1000);
    expect(parsed.submissions[0]!.meta.template).toBe(findTemplate("ktxh-xa"));
  });
});
