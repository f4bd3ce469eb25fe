import { closeSync, openSync, writeSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import {
  compoundFile,
  deflateBomb,
  handBook,
  handParts,
  NS,
  rawZip,
  sheetXml,
  tableXml,
  zipParts,
  type HandBook,
} from "../io/xlsx-read/hand-built";

/*
 * A hostile corpus: files a province office really receives (a PDF named .csv, a password-protected
 * workbook, an old .xls, an HTML page an old portal saved as .xls, a download cut in half) and files
 * built to hurt (zip bombs, billion laughs, an external entity, 200,000 nested elements, a 20 MB
 * cell, a 50 MB line). Everything is generated here: no binary is committed.
 *
 * Each case says which issues the run must name it in, exactly, with the words a person needs.
 */

export interface ExpectedFileIssue {
  rule: string;
  /** `reason` of an `unreadable-file` issue. */
  reason?: string;
  /** What the Vietnamese and the English messages must say (each pattern must match). */
  vi?: RegExp[];
  en?: RegExp[];
}

export interface HostileCase {
  /** File name in the submissions folder. */
  name: string;
  what: string;
  /** The bytes; or, for the large ones, a writer that streams them to disk. */
  bytes?: () => Uint8Array;
  write?: (path: string) => void;
  /** The issues the run must name the file in, exactly (none: the file is skipped without a word). */
  expect: ExpectedFileIssue[];
}

const SAVE_AS_VI = /Lưu thành.*\.xlsx/;
const SAVE_AS_EN = /Save As.*\.xlsx/;

/** A seeded stream of bytes (xorshift), never a zip, PDF or image by accident. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[0] = 0x01;
  return out;
}

/** A workbook whose part `part` is raw deflate data declaring `declaredSize` bytes (a bomb lies). */
function withRawPart(part: string, data: Uint8Array, declaredSize: number, book: HandBook): Uint8Array {
  const parts = handParts(book);
  delete parts[part];
  const entries = Object.entries(parts).map(([name, text]) => ({
    name,
    data: typeof text === "string" ? strToU8(text) : text,
  }));
  return rawZip([...entries, { name: part, data, deflated: true, declaredSize }]);
}

const SHEET_START = `<worksheet xmlns="${NS}"><sheetData>`;
const ONE_SHEET: HandBook = { sheets: [{ name: "Chỉ tiêu", rows: "" }] };

/** The header row of a submission table, inline strings, row 1. */
function headerRow(): string {
  const heads = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Tử số", "Mẫu số", "Thực hiện"];
  const cells = heads
    .map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`)
    .join("");
  return `<row r="1">${cells}</row><row r="2"><c r="A2" t="inlineStr"><is><t>HO_NGHEO</t></is></c><c r="C2"><v>10</v></c><c r="D2"><v>100</v></c></row>`;
}

/** An HTML table, as old portals and government software export an "Excel" file. */
const HTML_EXPORT =
  `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
  `<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><table>` +
  `<tr><td>Mã chỉ tiêu</td><td>Thực hiện</td></tr><tr><td>HO_NGHEO</td><td>12,5</td></tr></table></body></html>\r\n`;

const XML_2003 =
  `<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n` +
  `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">` +
  `<Worksheet ss:Name="Chỉ tiêu"><Table><Row><Cell><Data ss:Type="String">Mã chỉ tiêu</Data></Cell></Row></Table></Worksheet></Workbook>`;

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

/** A CSV with the indicator columns but neither the unit nor the period: decoded right, it lacks only those. */
const PARTIAL_CSV =
  "ma_chi_tieu,ten_chi_tieu,tu_so,mau_so,thuc_hien,ghi_chu\r\n" +
  'HO_NGHEO,Tỷ lệ hộ nghèo đa chiều,592,1480,"40,0%",Bản Mường Lèo\r\n'.repeat(40);

/** Streams `size` bytes of one line (no newline) to disk without holding them. */
function writeOneLine(path: string, size: number): void {
  const fd = openSync(path, "w");
  try {
    const block = Buffer.alloc(1024 * 1024, "ma_don_vi;ky_bao_cao;ma_chi_tieu;thuc_hien ");
    for (let written = 0; written < size; written += block.length)
      writeSync(fd, block, 0, Math.min(block.length, size - written));
  } finally {
    closeSync(fd);
  }
}

/**
 * The corpus. `xxeUrl`: where the external entity points (a server the test listens on, which must
 * never be called).
 */
export function hostileCases(opts: { xxeUrl: string; truncatedFrom: Uint8Array }): HostileCase[] {
  const tooLarge = (limit: RegExp): ExpectedFileIssue => ({
    rule: "unreadable-file",
    reason: "too-large",
    vi: [/vượt giới hạn/],
    en: [/exceeds the limit/, limit],
  });
  return [
    {
      name: "bom-nen-so-0.xlsx",
      what: "zip bomb: 1 GB of zeros behind a valid start, declared as 100 bytes",
      bytes: () =>
        withRawPart(
          "xl/worksheets/sheet1.xml",
          deflateBomb(`${SHEET_START}<row r="1"><c r="A1"><v>1</v></c></row>\u0000`, 1, 1024 * 1024 * 1024),
          100,
          ONE_SHEET,
        ),
      expect: [tooLarge(/maxCellText/)],
    },
    {
      name: "bom-nen-xml.xlsx",
      what: "zip bomb of valid XML: 256 MB of <x/> declared as 100 bytes",
      bytes: () =>
        withRawPart(
          "xl/worksheets/sheet1.xml",
          deflateBomb(`${SHEET_START}<x/>`, 4, 300 * 1024 * 1024),
          100,
          ONE_SHEET,
        ),
      expect: [tooLarge(/maxInflateRatio/)],
    },
    {
      name: "kich-thuoc-gia.xlsx",
      what: "a sheet whose <dimension> claims A1:XFD1048576, with a cell at each corner",
      bytes: () =>
        handBook({
          sheets: [
            {
              name: "Chỉ tiêu",
              xml:
                `<worksheet xmlns="${NS}"><dimension ref="A1:XFD1048576"/><sheetData>` +
                `<row r="1" spans="1:16384"><c r="A1"><v>1</v></c></row>` +
                `<row r="1048576" spans="1:16384"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>`,
            },
          ],
        }),
      expect: [{ rule: "not-a-submission", vi: [/Không phải báo cáo/], en: [/Not an indicator report/] }],
    },
    {
      name: "o-20mb.xlsx",
      what: "a 20 MB cell",
      bytes: () => {
        const text = "Bản Mường Lèo, Sốp Cộp, Sơn La. ".repeat((20 * 1024 * 1024) / 32);
        return zipParts(
          handParts({
            sheets: [
              {
                name: "Chỉ tiêu",
                rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`,
              },
            ],
          }),
          1,
        );
      },
      expect: [tooLarge(/maxCellText/)],
    },
    {
      name: "long-200000-cap.xlsx",
      what: "200,000 nested elements",
      bytes: () =>
        handBook({
          sheets: [
            {
              name: "Chỉ tiêu",
              xml: `<worksheet xmlns="${NS}">${"<a>".repeat(200_000)}${"</a>".repeat(200_000)}</worksheet>`,
            },
          ],
        }),
      expect: [tooLarge(/maxDepth/)],
    },
    {
      name: "co-mat-khau.xlsx",
      what: "an encrypted (password-protected) workbook: an OLE file with EncryptionInfo",
      bytes: () => compoundFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]),
      expect: [
        {
          rule: "unreadable-file",
          reason: "encrypted",
          vi: [/mật khẩu/, /gỡ mật khẩu/],
          en: [/password/, /Remove the password/],
        },
      ],
    },
    {
      name: "bao-cao-2003.xls",
      what: "an Excel 97–2003 workbook",
      bytes: () => compoundFile(["Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation"]),
      expect: [{ rule: "unreadable-file", reason: "xls", vi: [SAVE_AS_VI], en: [SAVE_AS_EN] }],
    },
    {
      name: "anh-chup.xlsx",
      what: "a PNG image named .xlsx",
      bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(2000, 7)]),
      expect: [
        {
          rule: "unreadable-file",
          reason: "not-a-spreadsheet",
          vi: [/PNG/, /gửi tệp Excel/],
          en: [/PNG/, /send the Excel/],
        },
      ],
    },
    {
      name: "ban-scan.csv",
      what: "a PDF named .csv",
      bytes: () => strToU8("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
      expect: [
        {
          rule: "unreadable-file",
          reason: "not-a-spreadsheet",
          vi: [/PDF/, /gửi tệp Excel/],
          en: [/PDF/, /send the Excel/],
        },
      ],
    },
    {
      name: "ngau-nhien.xlsx",
      what: "random bytes named .xlsx",
      bytes: () => randomBytes(8192, 42),
      expect: [
        {
          rule: "unreadable-file",
          reason: "not-a-spreadsheet",
          vi: [/gửi tệp Excel/],
          en: [/send the Excel/],
        },
      ],
    },
    {
      name: "ngau-nhien.csv",
      what: "random bytes named .csv",
      bytes: () => randomBytes(8192, 4242),
      expect: [
        {
          rule: "unreadable-file",
          reason: "not-a-spreadsheet",
          vi: [/gửi tệp Excel/],
          en: [/send the Excel/],
        },
      ],
    },
    {
      name: "rong.xlsx",
      what: "an empty .xlsx",
      bytes: () => new Uint8Array(0),
      expect: [{ rule: "unreadable-file", reason: "empty", vi: [/rỗng/, /gửi lại/], en: [/empty/, /send/] }],
    },
    {
      name: "rong.csv",
      what: "an empty .csv",
      bytes: () => new Uint8Array(0),
      expect: [{ rule: "unreadable-file", reason: "empty", vi: [/rỗng/, /gửi lại/], en: [/empty/, /send/] }],
    },
    {
      name: "ty-tieng-cuoi.xlsx",
      what: "billion laughs: a DTD whose entities expand to 10^9 characters, in the shared strings",
      bytes: () => {
        const defs = ['<!ENTITY l0 "ha">'];
        for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
        const sst = `<?xml version="1.0"?><!DOCTYPE sst [${defs.join("")}]><sst xmlns="${NS}"><si><t>&l9;</t></si></sst>`;
        return handBook({
          sheets: [{ name: "Chỉ tiêu", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
          sharedStrings: sst,
        });
      },
      expect: [{ rule: "unreadable-file", reason: "unsafe-xml", vi: [/DOCTYPE/], en: [/DOCTYPE/] }],
    },
    {
      name: "thuc-the-ngoai.xlsx",
      what: "an external entity (XXE) in the workbook part, pointing at a server that must never be called",
      bytes: () =>
        handBook({
          sheets: [{ name: "Chỉ tiêu", rows: "" }],
          parts: {
            "xl/workbook.xml":
              `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY x SYSTEM "${opts.xxeUrl}">]>` +
              `<workbook xmlns="${NS}"><sheets/>&x;</workbook>`,
          },
        }),
      expect: [{ rule: "unreadable-file", reason: "unsafe-xml", vi: [/DOCTYPE/], en: [/DOCTYPE/] }],
    },
    {
      name: "tai-ve-do-dang.xlsx",
      what: "a real submission cut in half (an interrupted download)",
      bytes: () => opts.truncatedFrom.slice(0, Math.floor(opts.truncatedFrom.length / 2)),
      expect: [
        {
          rule: "unreadable-file",
          reason: "corrupt",
          vi: [/bị hỏng/, /cắt cụt/, /gửi lại/],
          en: [/damaged/, /truncated/, /send the file again/],
        },
      ],
    },
    {
      name: "ten-tro-trang-mat.xlsx",
      what: "a ChiTieu table whose ChiTieu_* names point at a sheet the workbook does not have",
      bytes: () =>
        handBook({
          sheets: [
            {
              name: "Chỉ tiêu",
              rows: headerRow(),
              tables: [
                tableXml("ChiTieu", "A1:E2", ["Mã chỉ tiêu", "Tên chỉ tiêu", "Tử số", "Mẫu số", "Thực hiện"]),
              ],
            },
          ],
          workbookExtra:
            `<definedNames><definedName name="ChiTieu_MaDonVi">'Thông tin'!$C$3</definedName>` +
            `<definedName name="ChiTieu_KyBaoCao">'Thông tin'!$C$5</definedName>` +
            `<definedName name="ChiTieu_MauBieu">'Thông tin'!$C$6</definedName></definedNames>`,
        }),
      expect: [
        {
          rule: "missing-metadata",
          vi: [/ChiTieu_MaDonVi/, /Thông tin/],
          en: [/ChiTieu_MaDonVi/, /Thông tin/],
        },
        {
          rule: "missing-metadata",
          vi: [/ChiTieu_KyBaoCao/, /Thông tin/],
          en: [/ChiTieu_KyBaoCao/, /Thông tin/],
        },
      ],
    },
    {
      name: "utf16-khong-bom.csv",
      what: "a CSV in UTF-16 (little-endian) without a byte order mark",
      bytes: () => utf16(PARTIAL_CSV, false),
      expect: [
        {
          rule: "not-a-submission",
          // Decoded right: it lacks the unit and the period, not the indicator code.
          vi: [/ma_don_vi, ky_bao_cao$/],
          en: [/lacks required columns: ma_don_vi, ky_bao_cao$/],
        },
      ],
    },
    {
      name: "utf16be-khong-bom.csv",
      what: "a CSV in UTF-16 big-endian without a byte order mark",
      bytes: () => utf16(PARTIAL_CSV, true),
      expect: [
        {
          rule: "not-a-submission",
          vi: [/ma_don_vi, ky_bao_cao$/],
          en: [/lacks required columns: ma_don_vi, ky_bao_cao$/],
        },
      ],
    },
    {
      name: "co-ky-tu-nul.csv",
      what: "a CSV with a NUL byte in the middle (line 30), past the first 4 KB",
      bytes: () => {
        const lines = ["ma_don_vi,ky_bao_cao,ma_chi_tieu,thuc_hien"];
        for (let i = 2; i <= 200; i++) lines.push(`99999,2026,DAN_SO,${1000 + i}`);
        lines[29] = `99999,2026,DAN_\u0000SO,1029`;
        return strToU8(lines.join("\r\n") + "\r\n");
      },
      expect: [
        {
          rule: "unreadable-file",
          reason: "corrupt",
          vi: [/NUL/, /dòng 30/],
          en: [/NUL/, /line 30/],
        },
      ],
    },
    {
      name: "mot-dong-50mb.csv",
      what: "a text file of one 50 MB line named .csv (streamed: above 4 MB)",
      write: (path) => writeOneLine(path, 50 * 1024 * 1024),
      expect: [
        {
          rule: "unreadable-file",
          reason: "too-large",
          vi: [/Dòng 1 /, /dài quá/],
          en: [/Line 1/, /too long/],
        },
      ],
    },
    {
      name: "mot-dong-3mb.csv",
      what: "the same, 3 MB: read in memory, named the same way",
      write: (path) => writeOneLine(path, 3 * 1024 * 1024),
      expect: [
        {
          rule: "unreadable-file",
          reason: "too-large",
          vi: [/Dòng 1 /, /dài quá/],
          en: [/Line 1/, /too long/],
        },
      ],
    },
    {
      name: "xuat-tu-cong-thong-tin.xlsx",
      what: "an HTML page an old portal saved with an .xlsx name",
      bytes: () => strToU8(HTML_EXPORT),
      expect: [
        { rule: "unreadable-file", reason: "not-xlsx", vi: [/HTML/, SAVE_AS_VI], en: [/HTML/, SAVE_AS_EN] },
      ],
    },
    {
      name: "xuat-tu-phan-mem.xls",
      what: "an HTML table saved as .xls (what many programs call 'export to Excel')",
      bytes: () => strToU8(HTML_EXPORT),
      expect: [
        { rule: "unreadable-file", reason: "not-xlsx", vi: [/HTML/, SAVE_AS_VI], en: [/HTML/, SAVE_AS_EN] },
      ],
    },
    {
      name: "bang-tinh-xml-2003.xls",
      what: "an XML Spreadsheet 2003 file named .xls",
      bytes: () => strToU8(XML_2003),
      expect: [
        {
          rule: "unreadable-file",
          reason: "not-xlsx",
          vi: [/XML 2003/, SAVE_AS_VI],
          en: [/XML Spreadsheet 2003/, SAVE_AS_EN],
        },
      ],
    },
    {
      name: "so-nhi-phan.xlsb",
      what: "an Excel binary workbook (.xlsb)",
      bytes: () =>
        zipSync({
          "[Content_Types].xml": strToU8(
            `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
          ),
          "_rels/.rels": strToU8(
            `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
              `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
          ),
          "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]),
        }),
      expect: [
        { rule: "unreadable-file", reason: "not-xlsx", vi: [/xlsb/, SAVE_AS_VI], en: [/xlsb/, SAVE_AS_EN] },
      ],
    },
    {
      name: "libreoffice.ods",
      what: "an OpenDocument spreadsheet from LibreOffice",
      bytes: () =>
        zipSync({
          mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
          "content.xml": strToU8(
            `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`,
          ),
        }),
      expect: [
        {
          rule: "unreadable-file",
          reason: "not-xlsx",
          vi: [/OpenDocument/, SAVE_AS_VI],
          en: [/OpenDocument/, SAVE_AS_EN],
        },
      ],
    },
    {
      name: "nham-tep-word.xlsx",
      what: "a Word document named .xlsx (the wrong attachment)",
      bytes: () =>
        zipSync({
          "[Content_Types].xml": strToU8(
            `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
          ),
          "word/document.xml": strToU8(
            `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
          ),
        }),
      expect: [{ rule: "unreadable-file", reason: "not-xlsx", vi: [/Word/], en: [/Word/] }],
    },
    {
      name: "chi-co-tieu-de.csv",
      what: "a CSV with the header and no rows",
      bytes: () => strToU8("ma_don_vi,ky_bao_cao,ma_chi_tieu,thuc_hien\r\n"),
      expect: [{ rule: "not-a-submission", vi: [/không có dòng/], en: [/no rows/] }],
    },
    {
      name: "ngoac-kep-khong-dong.csv",
      what: "a CSV whose header opens a quote that never closes",
      bytes: () =>
        strToU8(`"ma_don_vi,ky_bao_cao,ma_chi_tieu,thuc_hien\r\n${"04240,2026,DAN_SO,8453\r\n".repeat(50)}`),
      expect: [
        {
          rule: "unreadable-file",
          reason: "corrupt",
          vi: [/ngoặc kép/, /dòng 1/],
          en: [/quote/, /line 1 /, /never closes/],
        },
      ],
    },
    {
      name: "~$ktxh-xa_04240_2026.xlsx",
      what: "Excel's lock file beside an open workbook: skipped without a word",
      bytes: () => {
        const b = new Uint8Array(165);
        const n = strToU8("Lo Van Thanh");
        b[0] = n.length;
        b.set(n, 1);
        return b;
      },
      expect: [],
    },
  ];
}

export { sheetXml };
