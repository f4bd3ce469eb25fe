import { findTemplate, type Template } from "../../../src/core/catalog/templates";
import type { Report } from "../../../src/core/json-report/types";
import { buildWrittenReport, type WrittenReport } from "../../../src/core/written-report";
import { PLAN_STATUS_TEXT } from "../../../src/core/layout/summary";
import { PHRASES } from "../../../src/core/written-report/phrases";
import { ENGLISH_WORDS, KTXH, laiChau, lines } from "./fixture";

/*
 * The written report as data (issue 18), built from a hand-written JSON report of a province the
 * samples never use: the masthead from the scope and the template's owner, sections I–V with the
 * units by name, each figure, the groups against the rest, the errors by unit, the figures table.
 */

const build = (report: Report, lang: "vi" | "en" = "vi", template: Template = KTXH): WrittenReport =>
  buildWrittenReport({ report, template, lang, date: "2027-01-05", due: "2026-12-15" });

const text = (w: WrittenReport): string => lines(w).join("\n");

describe("the written report of a People's Committee", () => {
  const w = build(laiChau());
  const all = text(w);

  it("opens with the governing body, the office to name, the motto, the number, place and date", () => {
    expect(w.masthead.parent?.map((r) => r.text).join("")).toBe("UBND TỈNH LAI CHÂU");
    expect(w.masthead.issuer).toEqual([{ text: "[TÊN CƠ QUAN BÁO CÁO]", bold: true, fill: true }]);
    expect(w.masthead.motto).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(w.masthead.number.map((r) => r.text).join("")).toMatch(/^Số: +\/BC-\[…\]$/);
    // Decree 30 pads the day below 10 and the months January and February.
    expect(w.masthead.placeDate.map((r) => r.text).join("")).toBe("Lai Châu, ngày 05 tháng 01 năm 2027");
    expect(w.masthead.placeDate.every((r) => r.italic)).toBe(true);
    expect(w.title).toBe("BÁO CÁO");
    expect(w.subject).toBe(
      "Kết quả thực hiện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026 của tỉnh Lai Châu",
    );
    expect(w.date).toBe("2027-01-05");
  });

  it("has the five sections in order, and the appendix names the scope", () => {
    const sections = w.body
      .filter((b) => b.kind === "heading" && b.level === "section")
      .map((b) => (b as { text: string }).text);
    expect(sections).toEqual([
      "I. TÌNH HÌNH TRIỂN KHAI VÀ TỔNG HỢP BÁO CÁO",
      "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
      "III. ĐÁNH GIÁ CHUNG",
      "IV. NHỮNG VẤN ĐỀ VỀ SỐ LIỆU CẦN KHẮC PHỤC",
      "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]);
    expect(w.appendix.subtitle).toBe("Số liệu tổng hợp các chỉ tiêu năm 2026 - Tỉnh Lai Châu");
  });

  it("names the units late (with the date signed), missing, rejected (and why), duplicated and outside the roster", () => {
    expect(all).toContain(
      "Đã nhận và tổng hợp báo cáo của 3/6 đơn vị (50%), trong đó 2 đơn vị nộp đúng hạn, 1 đơn vị nộp muộn.",
    );
    expect(all).toContain("Nộp muộn (1 đơn vị): Xã Mù Cả (ký ngày 04/01/2027).");
    expect(all).toContain("Chưa nộp báo cáo (1 đơn vị): Xã Tà Tổng.");
    expect(all).toContain(
      "Báo cáo không sử dụng được (1 đơn vị): Phường Tân Phong (tệp tan-phong.xlsx: Kỳ báo cáo 2025 không phải kỳ 2026: báo cáo không được tổng hợp).",
    );
    expect(all).toContain("Xã Bum Nưa (tệp bum-nua-1.xlsx, bum-nua-2.xlsx)");
    expect(all).toContain("Xã Lạ (mã 99999, tệp la.csv)");
    expect(all).toContain("hạn nộp báo cáo: ngày 15/12/2026");
  });

  it("writes each figure with its change from the history, its target and its status", () => {
    expect(all).toContain(
      "1. Thu ngân sách trên địa bàn: 5.320,4 triệu đồng, tăng 6,4% so với năm 2025 (5.000 triệu đồng); đạt 88,7% kế hoạch (6.000 triệu đồng), không đạt chỉ tiêu.",
    );
    expect(all).toContain(
      "Tỷ lệ lao động qua đào tạo: đạt 31,25% (1.250/4.000 người), tăng 1,75 điểm % so với năm 2025 (29,5%); chậm tiến độ thực hiện chỉ tiêu 45% đề ra.",
    );
    expect(all).toContain(
      "Tỷ lệ hộ nghèo theo chuẩn đa chiều: còn 42,5% (1.700/4.000 hộ), giảm 2,6 điểm % so với năm 2025 (45,1%)",
    );
    expect(all).toContain("Số liệu tổng hợp từ 2/6 đơn vị.");
  });

  it("tallies the statuses in words, names the indicators in each, and the units' own targets", () => {
    expect(all).toContain(
      "- Đạt (2 chỉ tiêu): Sản lượng cây lương thực có hạt; Tỷ lệ dân số tham gia bảo hiểm y tế.",
    );
    expect(all).toContain("- Đúng tiến độ (1 chỉ tiêu): Số tiêu chí xã đạt chuẩn nông thôn mới.");
    expect(all).toContain("- Chậm tiến độ (1 chỉ tiêu): Tỷ lệ lao động qua đào tạo.");
    expect(all).toContain(
      "- Không đạt (2 chỉ tiêu): Thu ngân sách trên địa bàn; Tỷ lệ hộ nghèo theo chuẩn đa chiều.",
    );
    expect(all).toContain("Không có số liệu");
    expect(all).toContain("- Xã Pa Tần: 1 chỉ tiêu không đạt (Thu ngân sách trên địa bàn).");
  });

  it("sets the border communes against the rest, rates as Σ numerators / Σ denominators", () => {
    expect(all).toContain("2. Các xã biên giới so với các đơn vị còn lại");
    // The rest: (1250 − 500) / (4000 − 2000) = 37,5 %; poverty (1700 − 1200) / (4000 − 2000) = 25 %.
    expect(all).toContain("Tỷ lệ lao động qua đào tạo | % | 25,00 | 37,50 | 31,25");
    expect(all).toContain("Tỷ lệ hộ nghèo theo chuẩn đa chiều | % | 60,00 | 25,00 | 42,50");
    expect(all).toContain("Thu ngân sách trên địa bàn | triệu đồng | 1.320,4 | 4.000,0 | 5.320,4");
    // In the template's order, whatever the order of groups[].
    expect(all.indexOf("1 | Thu ngân sách")).toBeLessThan(
      all.indexOf("4 | Tỷ lệ lao động qua đào tạo | % | 25,00"),
    );
    expect(all).toContain("kết quả kém hơn ở 2/2 chỉ tiêu tỷ lệ và bình quân, tốt hơn ở 0 chỉ tiêu");
    expect(all).toContain("| Toàn tỉnh");
  });

  it("lists the errors left by unit, the indicator named, and the warnings apart from plan results", () => {
    expect(all).toContain("Còn 3 lỗi làm số liệu không được đưa vào tổng hợp");
    expect(all).toContain(
      "+ tệp sin-ho.xlsx, trang Chỉ tiêu, ô E14: Tỷ lệ lao động qua đào tạo – Tử số: 12,5 không phải số nguyên (người).",
    );
    expect(all).toContain("- Xã Sìn Hồ (mã 03202):");
    expect(all).toContain(
      "+ tệp sin-ho.xlsx, trang Chỉ tiêu, ô F20: Tỷ lệ hộ nghèo theo chuẩn đa chiều: tỷ lệ không có mẫu số nên không thể gia quyền.",
    );
    expect(all).toContain("Ngoài ra có 1 cảnh báo");
    expect(all).not.toContain("THU_NS: chưa đạt mục tiêu");
    expect(all).toContain("Đề nghị 1 đơn vị chưa nộp báo cáo khẩn trương gửi báo cáo");
  });

  it("tables every figure with the previous year's, this year's, the target, the units and the status", () => {
    const table = w.appendix.blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table");
    expect(table.columns.map((c) => c.title)).toEqual([
      "STT",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Tử số",
      "Mẫu số",
      "Năm 2025",
      "Thực hiện năm 2026",
      "Kế hoạch",
      "Số đơn vị báo cáo",
      "Đánh giá",
    ]);
    expect(all).toContain(
      "4 | Tỷ lệ lao động qua đào tạo | % | 1.250 | 4.000 | 29,50 | 31,25 | 45,00 | 3/6 | Chậm tiến độ",
    );
    expect(all).toContain(
      "1 | Thu ngân sách trên địa bàn | triệu đồng |  |  | 5.000,0 | 5.320,4 | 6.000,0 | 3/6 | Không đạt",
    );
    expect(table.rows.filter((r) => r.kind === "part").map((r) => r.cells[0])).toEqual([
      "A. Kinh tế",
      "B. Xã hội, môi trường",
      "C. Chỉ tiêu bổ sung (không bắt buộc)",
    ]);
  });

  it("holds no English word, and only NFC text", () => {
    const english = lines(w).filter((l) => ENGLISH_WORDS.test(l));
    expect(english).toEqual([]);
    expect(all).toBe(all.normalize("NFC"));
  });

  it("marks what the person must complete", () => {
    const fills = [w.masthead.issuer, w.signature.name, ...w.signature.authority, ...w.signature.recipients]
      .flat()
      .filter((r) => r.fill)
      .map((r) => r.text);
    expect(fills).toEqual(
      expect.arrayContaining(["[TÊN CƠ QUAN BÁO CÁO]", "[Họ và tên]", "[QUYỀN HẠN, CHỨC VỤ NGƯỜI KÝ]"]),
    );
  });

  it("is the same for the same inputs, and leaves the JSON report as it was", () => {
    const report = laiChau();
    const before = JSON.stringify(report);
    expect(build(report)).toEqual(build(laiChau()));
    expect(JSON.stringify(report)).toBe(before);
  });
});

describe("the written report of the Fatherland Front", () => {
  it("is issued by the province's Front committee and signed for its standing committee", () => {
    const report = { ...laiChau(), template: "mttq-bien-gioi", indicators: [], groups: [], series: [] };
    const w = build(report, "vi", findTemplate("mttq-bien-gioi") as Template);
    expect(w.masthead.parent?.[0]?.text).toBe("ỦY BAN MTTQ VIỆT NAM");
    expect(w.masthead.issuer).toEqual([{ text: "TỈNH LAI CHÂU", bold: true }]);
    expect(w.masthead.number.map((r) => r.text).join("")).toMatch(/\/BC-MTTQ-BTT$/);
    expect(w.signature.authority[0]?.[0]?.text).toBe("TM. BAN THƯỜNG TRỰC");
    expect(w.signature.recipients[0]?.[0]?.text).toBe(
      "- Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam (b/c);",
    );
    expect(w.subject).toBe(
      "Kết quả công tác Mặt trận ở khu vực biên giới năm 2026 trên địa bàn tỉnh Lai Châu",
    );
  });
});

describe("periods and history", () => {
  it("compares a quarter with the same quarter a year earlier (cùng kỳ), before the quarter just gone", () => {
    const report: Report = {
      ...laiChau(),
      period: "2026-Q3",
      series: [
        { indicator: "THU_NS", period: "2025-Q3", value: 1000, numerator: null, denominator: null },
        { indicator: "THU_NS", period: "2026-Q2", value: 1200, numerator: null, denominator: null },
      ],
    };
    const all = text(build(report));
    expect(all).toContain("so với cùng kỳ năm 2025 (1.000 triệu đồng)");
    expect(all).toContain("quý III năm 2026 của tỉnh Lai Châu");
  });

  it("says nothing of a change when the history has no earlier period of the same kind", () => {
    const all = text(build({ ...laiChau(), series: undefined }));
    expect(all).not.toContain("so với năm 2025");
    expect(all).not.toContain("Năm 2025 |");
  });
});

describe("a report in English", () => {
  const w = build(laiChau(), "en");
  const properNames = [
    ...laiChau().units.map((u) => u.name),
    "Tỉnh Lai Châu",
    "Lai Châu",
    "LAI CHÂU",
    "Chỉ tiêu",
    "Vấn đề",
  ];

  it("says the same in English, with no Vietnamese but the proper names", () => {
    let all = text(w);
    for (const name of properNames) all = all.split(name).join("");
    expect(all).not.toMatch(/[à-ỹđ]/i);
    expect(w.masthead.motto).toEqual(["SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness"]);
    expect(text(w)).toContain("Late (1 unit): Xã Mù Cả (signed 4 January 2027).");
    expect(text(w)).toContain("There is also 1 warning:");
    expect(text(w)).toContain("The unit that has not reported should send its report");
    expect(text(w)).toContain(
      "Trained labour rate: 31.25% (1,250/4,000 persons), up 1.75 percentage points on 2025 (29.5%); behind schedule for the target of 45%.",
    );
  });
});

describe("a scope without a name", () => {
  it("leaves the place to fill and the subject without it", () => {
    const w = build({ ...laiChau(), scope: { code: "", name: "" } });
    expect(w.subject).toBe("Kết quả thực hiện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026");
    expect(w.masthead.placeDate[0]).toEqual({ text: "[Địa danh]", fill: true, italic: true });
    expect(w.masthead.parent).toBeUndefined();
    expect(w.appendix.subtitle).toBe("Số liệu tổng hợp các chỉ tiêu năm 2026");
  });
});

describe("a province where every report came on time", () => {
  it("says so rather than counting none late", () => {
    const base = laiChau();
    const units = base.units.map((u) => (u.status === "late" ? { ...u, status: "ok" as const } : u));
    expect(text(build({ ...base, units }))).toContain(
      "Đã nhận và tổng hợp báo cáo của 3/6 đơn vị (50%), tất cả đều nộp đúng hạn.",
    );
  });
});

describe("a nation's roster", () => {
  it("cuts long lists of names and says how many more", () => {
    const base = laiChau();
    const missing = Array.from({ length: 3000 }, (_, i) => ({
      code: String(10000 + i),
      name: `Xã Số ${i}`,
      status: "missing" as const,
      level: "xa",
    }));
    const all = text(build({ ...base, units: [...base.units, ...missing] }));
    expect(all).toContain("Chưa nộp báo cáo (3001 đơn vị): Xã Tà Tổng, Xã Số 0,");
    expect(all).toContain("và 2901 đơn vị khác.");
    expect(all).not.toContain("Xã Số 2999");
  });
});

describe("the words for the plan statuses", () => {
  it("are the summary workbook's for met, on track, behind and missed, in both languages", () => {
    for (const s of ["met", "on_track", "behind", "missed"] as const) {
      expect(PHRASES.vi.standing[s]).toBe(PLAN_STATUS_TEXT[s].vi);
      expect(PHRASES.en.standing[s]).toBe(PLAN_STATUS_TEXT[s].en);
    }
  });
});
