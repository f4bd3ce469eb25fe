import { spawnChild } from "../support/child";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { SaxesParser } from "saxes";
import { MANIFEST_MIN_EXCEL_API } from "../../src/excel/requirements";
import { TABS } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/strings";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
// Microsoft's XSDs live beside the project (../shared/schemas), not in it; CHITIEU_SCHEMAS names another place.
const SCHEMA = path.join(
  process.env.CHITIEU_SCHEMAS ?? path.join(ROOT, "..", "shared", "schemas"),
  "taskpane",
  "OfficeAppManifestV1_1.xsd",
);
const DEV_URL = "https://localhost:3000/";

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** manifest.xml as a tree of elements (local names, namespaces dropped: the schema check covers them). */
function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: El[] = [root];
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      const attr = a as { local: string; value: string; prefix: string };
      attrs[attr.prefix === "xsi" ? `xsi:${attr.local}` : attr.local] = attr.value;
    }
    const el: El = { name: tag.local ?? tag.name, attrs, children: [], text: "" };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => {
    stack[stack.length - 1]!.text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root.children[0]!;
}

function all(el: El, name: string): El[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

function one(el: El, name: string): El {
  const found = all(el, name);
  expect(found.map((f) => f.name)).toEqual([name]);
  return found[0]!;
}

function child(el: El, name: string): El {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const app = parse(readFileSync(MANIFEST, "utf8"));
const resources = one(app, "Resources");
const byId = (group: string): Map<string, El> =>
  new Map(child(resources, group).children.map((e) => [e.attrs.id as string, e]));
const images = byId("Images");
const urls = byId("Urls");
const shortStrings = byId("ShortStrings");
const longStrings = byId("LongStrings");

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel workbooks with a stable id", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(app, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(child(app, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(app, "DefaultLocale").text).toBe("vi-VN");
    expect(child(app, "Hosts").children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(app, "Permissions").text).toBe("ReadWriteDocument");
    expect(child(child(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });

  it("asks only for the requirement set every feature detection falls back to", () => {
    const sets = child(child(app, "Requirements"), "Sets").children;
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([
      ["ExcelApi", MANIFEST_MIN_EXCEL_API],
    ]);
    expect(MANIFEST_MIN_EXCEL_API).toBe("1.1");
  });

  it("puts a group with Mẫu biểu, Kiểm tra, Tổng hợp on the Home tab, each opening the pane at its tab", () => {
    const hosts = all(one(app, "VersionOverrides"), "Host");
    expect(hosts.map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
    const tab = one(app, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = one(tab, "Group");
    const buttons = group.children.filter((c) => c.name === "Control");
    expect(buttons.map((b) => b.attrs["xsi:type"])).toEqual(["Button", "Button", "Button"]);
    const ids = buttons.map((b) => b.attrs.id);
    expect(new Set(ids).size).toBe(3);
    const labels = buttons.map((b) => shortStrings.get(child(b, "Label").attrs.resid!)!.attrs.DefaultValue);
    expect(labels).toEqual(TABS.map((t) => STRINGS.vi.tabs[t]));
    const actions = buttons.map((b) => child(b, "Action"));
    expect(actions.map((a) => a.attrs["xsi:type"])).toEqual(["ShowTaskpane", "ShowTaskpane", "ShowTaskpane"]);
    // One pane: each button takes it to its own tab.
    expect(new Set(actions.map((a) => child(a, "TaskpaneId").text)).size).toBe(1);
    const targets = actions.map((a) => urls.get(child(a, "SourceLocation").attrs.resid!)!.attrs.DefaultValue);
    expect(targets).toEqual(TABS.map((t) => `${DEV_URL}taskpane.html?tab=${t}`));
    expect(urls.get(one(app, "FunctionFile").attrs.resid!)!.attrs.DefaultValue).toBe(
      `${DEV_URL}commands.html`,
    );
  });

  it("resolves every resource it names, and names every resource it has", () => {
    const used = new Set(collectResids(app));
    const defined = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect([...used]).toContain(id);
    for (const s of shortStrings.values()) expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    for (const s of longStrings.values()) expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
    for (const s of [...shortStrings.values(), ...longStrings.values()]) {
      expect(s.attrs.DefaultValue).toBe(s.attrs.DefaultValue!.normalize("NFC"));
    }
  });

  it("serves every address from the development URL, which production builds replace", () => {
    const addresses = collectAttr(app, "DefaultValue").filter((v) => /^https?:/.test(v));
    expect(addresses.length).toBeGreaterThan(15);
    for (const a of addresses) expect(a.startsWith(DEV_URL)).toBe(true);
  });

  it("has icons of the right pixel sizes in assets/", () => {
    const checkImage = (url: string, size: number): void => {
      const file = path.join(ROOT, url.slice(DEV_URL.length));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    };
    checkImage(child(app, "IconUrl").attrs.DefaultValue!, 32);
    checkImage(child(app, "HighResolutionIconUrl").attrs.DefaultValue!, 64);
    const refs = all(one(app, "VersionOverrides"), "Image").filter((i) => i.attrs.size);
    expect(refs.length).toBe(12);
    for (const ref of refs) {
      expect(["16", "32", "80"]).toContain(ref.attrs.size);
      checkImage(images.get(ref.attrs.resid!)!.attrs.DefaultValue!, Number(ref.attrs.size));
    }
  });

  const xmllint = spawnChild("xmllint", ["--version"]).status === 0;
  (xmllint && existsSync(SCHEMA) ? it : it.skip)("validates against Microsoft's XSD (xmllint)", () => {
    const r = spawnChild("xmllint", ["--noout", "--schema", SCHEMA, MANIFEST]);
    expect(r.stderr.trim()).toBe(`${MANIFEST} validates`);
    expect(r.status).toBe(0);
  });
});

function collectResids(el: El): string[] {
  return [...(el.attrs.resid ? [el.attrs.resid] : []), ...el.children.flatMap(collectResids)];
}

function collectAttr(el: El, name: string): string[] {
  return [
    ...(el.attrs[name] ? [el.attrs[name] as string] : []),
    ...el.children.flatMap((c) => collectAttr(c, name)),
  ];
}
