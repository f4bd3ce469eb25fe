import fc from "fast-check";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { decodeEntities, DoctypeFound, XmlScanError, XmlScanner } from "../../../src/io/xlsx-read/xml-scan";

/*
 * The reader's XML scanner against saxes, a complete XML parser, as the reference: the same events
 * for the XML that spreadsheet writers produce, wherever the input is cut into pieces, and an error
 * for XML that is not well-formed.
 */

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

/** Events of the scanner, text pieces joined (the reader's handlers join them too). */
function scan(pieces: string[]): Event[] {
  const out: Event[] = [];
  const s = new XmlScanner(
    {
      open: (name, attrs) => {
        out.push(["open", name, attrs.toObject()]);
      },
      close: (name) => out.push(["close", name]),
      text: (t) => {
        const last = out[out.length - 1];
        if (last?.[0] === "text") last[1] += t;
        else out.push(["text", t]);
      },
    },
    1 << 20,
  );
  for (const p of pieces) s.write(p);
  s.close();
  return out.filter((e) => e[0] !== "text" || e[1] !== "");
}

function reference(xml: string): Event[] {
  const out: Event[] = [];
  const p = new SaxesParser({ xmlns: false });
  p.on("opentag", (t) => out.push(["open", t.name, { ...(t as SaxesTagPlain).attributes }]));
  p.on("closetag", (t) => out.push(["close", t.name]));
  const text = (t: string): void => {
    const last = out[out.length - 1];
    if (last?.[0] === "text") last[1] += t;
    else out.push(["text", t]);
  };
  p.on("text", text);
  p.on("cdata", text);
  p.write(xml).close();
  // saxes reports the whitespace between the declaration and the root too; the scanner drops it.
  return out.filter((e) => e[0] !== "text" || e[1] !== "").filter((e, i) => !(i === 0 && e[0] === "text"));
}

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><!-- a comment: <c> -->
<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r='B1' t="inlineStr"><is><t xml:space="preserve"> Mường Lèo &amp; Sốp Cộp &lt;04240&gt; &#272;&#x1EA1;t </t></is></c><c r="C1"><f>IF(B1&gt;0,"&quot;ok&quot;",'x')</f><v>1.5</v></c></row>
<row r="2"><c r="A2" t="str"><v><![CDATA[a <b> & c]]></v></c><c r="B2" s="3"/></row></sheetData>
<conditionalFormatting sqref="A1"><cfRule type="cellIs" operator="greaterThan" text="a>b" formula='"x"'/></conditionalFormatting><?mso-application progid="Excel.Sheet"?></worksheet>`;

describe("the XML scanner", () => {
  it("gives saxes's events for a sheet with entities, CDATA, comments, quotes and a '>' in an attribute", () => {
    expect(scan([SHEET])).toEqual(reference(SHEET));
  });

  it("gives the same events wherever the input is cut, into two pieces or one character at a time", () => {
    const whole = scan([SHEET]);
    for (let i = 1; i < SHEET.length; i++) expect(scan([SHEET.slice(0, i), SHEET.slice(i)])).toEqual(whole);
    expect(scan([...SHEET])).toEqual(whole);
  });

  it("gives the same events for any cutting into pieces (property)", () => {
    const whole = scan([SHEET]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: SHEET.length - 1 }), { maxLength: 40 }),
        (cuts) => {
          const at = [0, ...cuts.sort((a, b) => a - b), SHEET.length];
          const pieces = at.slice(1).map((end, i) => SHEET.slice(at[i], end));
          expect(scan(pieces)).toEqual(whole);
        },
      ),
    );
  });

  it("decodes the predefined entities and character references, and refuses any other", () => {
    expect(decodeEntities("a &amp; b &lt;&gt; &quot;&apos; &#65;&#x1EA1;")).toBe(`a & b <> "' Aạ`);
    expect(() => decodeEntities("&nbsp;")).toThrow(XmlScanError);
    expect(() => decodeEntities("&#0;")).toThrow(XmlScanError);
    expect(() => decodeEntities("&#xD800;")).toThrow(XmlScanError);
    expect(() => decodeEntities("a & b")).toThrow(XmlScanError);
    // Names an object has from its prototype are no entities either.
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"])
      expect(() => decodeEntities(`&${name};`)).toThrow(XmlScanError);
    // References as openpyxl writes Vietnamese; digits that are not digits; hex only after a small x.
    expect(decodeEntities("M&#227; &#273;&#417;n v&#7883;")).toBe("Mã đơn vị");
    for (const bad of ["&#;", "&#x;", "&#1a;", "&#xG1;", "&#X41;", "&# 65;"])
      expect(() => decodeEntities(bad)).toThrow(XmlScanError);
    expect(decodeEntities("&#x1ea1;&#x1EA1;")).toBe("ạạ");
  });

  it.each([
    ["a close tag that does not match", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["a close tag with nothing open", "</a>"],
    ["text outside the root", "<a/>text"],
    ["a second root", "<a/><b/>"],
    ["an unknown entity", "<a>&foo;</a>"],
    ["a bare ampersand", "<a>fish & chips</a>"],
    ["an unquoted attribute", "<a b=c/>"],
    ["an attribute without a value", "<a b/>"],
    ["'<' in an attribute", '<a b="<"/>'],
    ["no space between attributes", '<a b="1"c="2"/>'],
    ["a tag cut off at the end", "<a><b c="],
    ["stray markup", "<a><!ELEMENT x></a>"],
    ["an empty tag name", "<a>< b/></a>"],
    ["a duplicate attribute (it could move a cell)", '<c r="A1" r="B5"/>'],
    ["a control character in text", "<a>x\u0001y</a>"],
    ["a control character in an attribute", '<a b="x\u0008"/>'],
    ["U+FFFF in CDATA", "<a><![CDATA[\uffff]]></a>"],
  ])("refuses %s", (_what, xml) => {
    expect(() => scan([xml])).toThrow(XmlScanError);
    expect(() => reference(xml)).toThrow();
  });

  it("reads line ends and attribute whitespace as XML does: \\r\\n and \\r are \\n, tabs and line ends in attributes spaces", () => {
    // ExcelJS writes a cell's "line1\r\nline2" literally into sharedStrings.xml, and a validation
    // prompt's line break literally into its attribute; Excel reads them as saxes does.
    const xml = '\ufeff<a p="p1\r\np2\tx&#10;y"><t>line1\r\nline2\rline3</t><![CDATA[c\r\nd]]></a>';
    expect(scan([xml])).toEqual(reference(xml.slice(1)));
    expect(scan([xml])).toContainEqual(["text", "line1\nline2\nline3"]);
    expect(scan([xml])).toContainEqual(["text", "c\nd"]);
    expect(scan([xml])[0]).toEqual(["open", "a", { p: "p1 p2 x\ny" }]);
    for (let i = 1; i < xml.length; i++) expect(scan([xml.slice(0, i), xml.slice(i)])).toEqual(scan([xml]));
  });

  it("reads a long tag and a long comment cut into many pieces as it reads them whole", () => {
    const attrs = Array.from({ length: 5_000 }, (_, i) => `a${i}='v>${i}'`).join(" ");
    const xml = `<r ${attrs}><!-- ${"<x> ".repeat(20_000)} --><b/></r>`;
    const pieces = xml.match(/[\s\S]{1,1000}/g)!;
    const events = scan(pieces);
    expect(events).toEqual(scan([xml]));
    expect(events[0]![0]).toBe("open");
    expect(Object.keys((events[0] as [string, string, Record<string, string>])[2])).toHaveLength(5_000);
    expect(events).toContainEqual(["open", "b", {}]);
  });

  it("stops at a DOCTYPE, whatever follows it", () => {
    expect(() => scan(['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'])).toThrow(
      DoctypeFound,
    );
  });

  it("refuses to carry an unfinished construct beyond its limit", () => {
    const s = new XmlScanner({ open: () => undefined, close: () => undefined }, 100);
    s.write("<a><!-- ");
    expect(() => s.write("<".repeat(200))).toThrow(/longer than the limit/);
  });
});

describe("the XML scanner's attributes", () => {
  it("are own values only: names like constructor or toString are attributes like any other", () => {
    const events = scan(['<a constructor="1" toString="2" hasOwnProperty="3"/>']);
    expect(events[0]).toEqual(["open", "a", { constructor: "1", toString: "2", hasOwnProperty: "3" }]);
    expect(() => scan(['<a toString="1" toString="2"/>'])).toThrow(XmlScanError);
  });
});
