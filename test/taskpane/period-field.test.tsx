/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { PeriodField } from "../../src/taskpane/components/PeriodField";
import { LangContext } from "../../src/taskpane/i18n";
import { readPeriodInput } from "../../src/taskpane/periods";
import type { Lang } from "../../src/taskpane/strings";
import { axeViolations } from "../support/axe";

/** The field as a tab holds it: the value kept, the refusal written in the pane's words. */
function Harness({ lang = "vi", seen }: { lang?: Lang; seen: { value: string; invalid?: boolean }[] }) {
  const [value, setValue] = useState("");
  const [invalid, setInvalid] = useState(false);
  return (
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <main>
          <PeriodField
            label="Kỳ báo cáo"
            value={value}
            thisYear={2026}
            error={invalid ? `“${value}” không phải kỳ báo cáo.` : undefined}
            onChange={(v, bad) => {
              seen.push({ value: v, invalid: bad });
              setValue(v);
              setInvalid(bad ?? false);
            }}
          />
          <button type="button">next</button>
        </main>
      </LangContext.Provider>
    </FluentProvider>
  );
}

function setup(lang: Lang = "vi") {
  const seen: { value: string; invalid?: boolean }[] = [];
  const user = userEvent.setup();
  render(<Harness lang={lang} seen={seen} />);
  const box = screen.getByRole("combobox", { name: "Kỳ báo cáo" }) as HTMLInputElement;
  return { seen, user, box };
}

describe("the period combobox", () => {
  it("offers the periods grouped and keeps the canonical period of the one picked", async () => {
    const { seen, user, box } = setup();
    await user.click(screen.getByRole("button", { name: "Mở danh sách kỳ báo cáo" }));
    for (const group of ["Quý", "6 tháng", "9 tháng", "Năm", "Giai đoạn"])
      expect(screen.getByRole("group", { name: group })).toBeTruthy();
    await user.click(screen.getByRole("option", { name: /^6 tháng đầu năm 2026/ }));
    expect(seen[seen.length - 1]).toEqual({ value: "2026-H1", invalid: undefined });
    expect(box.value).toBe("6 tháng đầu năm 2026");
    expect(readPeriodInput(seen[seen.length - 1]!.value)?.kind).toBe("half");
  });

  it("narrows the list as one types and picks a phase", async () => {
    const { seen, user, box } = setup();
    await user.type(box, "giai đoạn 2026");
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["Giai đoạn 2026–20272026-2027", "Giai đoạn 2026–20302026-2030"]);
    // (Arrow keys are driven in the browser test: jsdom has no layout for Fluent's active option.)
    await user.click(screen.getByRole("option", { name: /^Giai đoạn 2026–2030/ }));
    expect(seen[seen.length - 1]!.value).toBe("2026-2030");
    expect(box.value).toBe("Giai đoạn 2026–2030");
  });

  it("reads a canonical period typed by hand, and shows how it was read when the field is left", async () => {
    const { seen, user, box } = setup();
    await user.type(box, "2028-q2");
    await user.click(screen.getByRole("button", { name: "next" }));
    expect(seen[seen.length - 1]).toEqual({ value: "2028-Q2", invalid: undefined });
    expect(box.value).toBe("Quý II/2028");
    // Left pointing at no option (Fluent keeps a typed match active after its list has gone): unmarked.
    const active = box.getAttribute("aria-activedescendant");
    expect(active === null || document.getElementById(active) !== null).toBe(true);
    expect(box.getAttribute("aria-invalid")).not.toBe("true");
  });

  it("marks a text that is no period when the field is left, with its message", async () => {
    const { seen, user, box } = setup();
    await user.type(box, "2027-2026");
    await user.click(screen.getByRole("button", { name: "next" }));
    expect(seen[seen.length - 1]).toEqual({ value: "2027-2026", invalid: true });
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("“2027-2026” không phải kỳ báo cáo.")).toBeTruthy();
    expect(box.value).toBe("2027-2026");
  });

  it("speaks English when switched: groups, options and the arrow's name", async () => {
    const { seen, user } = setup("en");
    await user.click(screen.getByRole("button", { name: "Open the list of periods" }));
    expect(screen.getByRole("group", { name: "Halves" })).toBeTruthy();
    await user.click(screen.getByRole("option", { name: /^First half of 2026/ }));
    expect(seen[seen.length - 1]!.value).toBe("2026-H1");
  });

  it("has no accessibility violations, open or closed", async () => {
    const { user } = setup();
    expect(await axeViolations(document.body)).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Mở danh sách kỳ báo cáo" }));
    // The open list is drawn in a portal beside the page, as every Fluent popup is: checked on its own.
    expect(await axeViolations(screen.getByRole("listbox"))).toEqual([]);
    expect(await axeViolations(screen.getByRole("main"))).toEqual([]);
  });
});
