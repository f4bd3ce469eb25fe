import { fakeExcel, ExcelError } from "../support/fake-excel";

/* The fake must be as strict as Excel where our code could go wrong, or the adapter tests prove nothing. */

describe("fake Excel request context", () => {
  it("throws PropertyNotLoaded for a read before load and sync", async () => {
    const { context, model } = fakeExcel();
    model.type("Sheet1", "A1", 5);
    const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
    r.load("values");
    expect(() => r.values).toThrow(/not available/);
    await context.sync();
    expect(r.values).toEqual([[5]]);
    expect(() => r.numberFormat).toThrow(/not available/);
  });

  it("applies nothing before sync and counts syncs", async () => {
    const { context, model, fake } = fakeExcel();
    context.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [["x"]];
    expect(model.read("Sheet1", "B2")).toBeUndefined();
    await context.sync();
    expect(model.read("Sheet1", "B2")).toBe("x");
    expect(fake.syncCount).toBe(1);
  });

  it("turns =, +, - and @ text into formulas and numeric text into numbers unless the cell is text", async () => {
    const { context, model } = fakeExcel();
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1:E1").values = [["=1+1", "+84 912", "-abc", "04240", "@x"]];
    ws.getRange("A2:E2").numberFormat = [["@", "@", "@", "@", "@"]];
    ws.getRange("A2:E2").values = [["=1+1", "+84 912", "-abc", "04240", "@x"]];
    await context.sync();
    const s = model.sheet("Sheet1")!;
    expect(s.at("A1").formula).toBe("=1+1");
    expect(s.at("B1").formula).toBe("=+84 912");
    expect(s.at("C1").formula).toBe("=-abc");
    expect(s.at("D1").value).toBe(4240);
    expect(s.at("E1").formula).toBe("=@x");
    for (const c of ["A2", "B2", "C2", "D2", "E2"]) expect(s.at(c).formula).toBeUndefined();
    expect(s.at("D2").value).toBe("04240");
  });

  it("rejects names Excel rejects", async () => {
    const { context } = fakeExcel();
    context.workbook.worksheets.add("Bad[name]");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    context.workbook.worksheets.add("x".repeat(32));
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    context.workbook.worksheets.add("sheet1");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    const t = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true);
    t.name = "Chi Tieu";
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    t.name = "A1";
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    t.name = "ChiTieu";
    await context.sync();
    context.workbook.names.add("chitieu", "=1");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses writes to locked cells of a protected sheet, allows unlocked ones", async () => {
    const { context, model } = fakeExcel();
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("B2").format.protection.locked = false;
    ws.protection.protect();
    await context.sync();
    ws.getRange("B2").values = [[1]];
    await context.sync();
    expect(model.read("Sheet1", "B2")).toBe(1);
    ws.getRange("A1").values = [[1]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("refuses a request over the payload limit whole", async () => {
    const { context, model } = fakeExcel({ maxPayloadBytes: 1000 });
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1").values = [["small"]];
    ws.getRange("A2:A201").values = Array.from({ length: 200 }, () => ["xxxxxxxxxx"]);
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(model.read("Sheet1", "A1")).toBeUndefined();
  });

  it("fails APIs above the host's requirement set at sync", async () => {
    const { context } = fakeExcel({ excelApi: "1.7" });
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
      wholeNumber: { formula1: 0, operator: "GreaterThan" as Excel.DataValidationOperator },
    };
    await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("stops a batch at the first error, keeping what ran before", async () => {
    const { context, model } = fakeExcel();
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1").values = [[1]];
    context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[2]];
    ws.getRange("A2").values = [[3]];
    await expect(context.sync()).rejects.toBeInstanceOf(ExcelError);
    expect(model.read("Sheet1", "A1")).toBe(1);
    expect(model.read("Sheet1", "A2")).toBeUndefined();
  });
});
