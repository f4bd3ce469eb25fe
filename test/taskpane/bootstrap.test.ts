import { detectHost } from "../../src/taskpane/bootstrap";
import { WorkbookModel } from "../support/fake-excel";
import { fakeOfficeGlobals } from "../support/fake-excel/office";

/* The pane must start wherever it is opened: inside Excel, in a plain browser, or with no office.js. */

describe("detectHost", () => {
  it("runs standalone when office.js is missing", async () => {
    expect(await detectHost({}, 50, "vi")).toEqual({});
  });

  it("runs standalone when Office.onReady reports no host (office.js in a plain browser)", async () => {
    const office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    expect(await detectHost({ Office: office as unknown as typeof Office }, 50, "vi")).toEqual({});
  });

  it("gets the workbook inside Excel, with the host's requirement sets", async () => {
    const g = fakeOfficeGlobals(new WorkbookModel(), { excelApi: "1.7" });
    const host = await detectHost(
      { Office: g.Office as typeof Office, Excel: g.Excel as typeof Excel },
      50,
      "vi",
    );
    expect(host.excel?.apiVersion).toBe("1.7");
  });

  it("does not wait forever for an Office that never answers", async () => {
    const office = { onReady: () => new Promise(() => undefined) };
    const host = await detectHost({ Office: office as unknown as typeof Office }, 20, "vi");
    expect(host.excel).toBeUndefined();
    expect(host.notice).toMatch(/Excel không phản hồi/);
  });
});
