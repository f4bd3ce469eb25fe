import { SheetBuilder } from "../../src/core/layout/sheet-builder";
import type { WorkbookLayout } from "../../src/core/layout/types";
import { encodeText } from "../encodings";
import { renderDeterministic } from "../render";
import { Rng } from "../rng";
import type { OtherFileSpec } from "../spec";
import type { WriteContext } from "./common";

/*
 * Files that land in a submissions folder without being submissions: a damaged download, an
 * empty export, a workbook or CSV of something else, Excel's lock file, a text note.
 */

const STAFF = [
  ["1", "Lò Văn Thanh", "Chủ tịch UBND xã", "0912 345 678"],
  ["2", "Cầm Thị Hoa", "Công chức Văn phòng - Thống kê", "0987 654 321"],
  ["3", "Quàng Văn Biên", "Công chức Tài chính - Kế toán", "0868 112 233"],
];

export async function writeOtherFile(spec: OtherFileSpec, ctx: WriteContext): Promise<Uint8Array> {
  const rng = new Rng(ctx.seed);
  switch (spec.kind) {
    case "random-bytes": {
      const bytes = rng.bytes(1536);
      // Never a zip by accident.
      bytes[0] = 0x00;
      return bytes;
    }
    case "empty":
      return new Uint8Array(0);
    case "lock-file": {
      // Excel's owner file: the user's name, padded; never a workbook.
      const bytes = new Uint8Array(165);
      const name = new TextEncoder().encode("Nguyen Van A");
      bytes[0] = name.length;
      bytes.set(name, 1);
      return bytes;
    }
    case "text":
      return new TextEncoder().encode(
        "Ghi chú: các xã gửi báo cáo trước ngày 15/12/2026 qua hệ thống văn bản điện tử.\n" +
          (ctx.marker ? `${ctx.marker}\n` : ""),
      );
    case "other-csv":
      return encodeText(
        ["STT,Họ và tên,Chức vụ,Điện thoại", ...STAFF.map((r) => r.map((f) => `"${f}"`).join(","))].join(
          "\r\n",
        ) + "\r\n",
        "utf-8-bom",
      );
    case "other-workbook": {
      const b = new SheetBuilder("Danh sách", "other");
      b.widths([6, 28, 36, 18]);
      b.set(1, 1, { value: "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ", style: "title" });
      ["STT", "Họ và tên", "Chức vụ", "Điện thoại"].forEach((h, i) =>
        b.set(3, i + 1, { value: h, style: "header" }),
      );
      STAFF.forEach((row, r) => row.forEach((v, c) => b.set(4 + r, c + 1, { value: v, style: "text" })));
      b.table({ name: "DanhSach", ref: `A3:D${3 + STAFF.length}`, style: "TableStyleLight1" });
      const layout: WorkbookLayout = {
        sheets: [b.build()],
        names: [],
        title: "Danh sách cán bộ",
        recalcOnOpen: false,
      };
      return renderDeterministic(layout, ctx.stamp, ctx.marker);
    }
  }
}
