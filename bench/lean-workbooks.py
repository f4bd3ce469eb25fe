"""Lean submissions for timing: one ~7 KB workbook per commune, as openpyxl writes it.

The bench's own workbooks are full ChiTieu templates (~21 KB: notes, validation, the guide sheet).
Submissions written by other tools are leaner: one sheet, the ChiTieu table and the defined names
of FORMATS.md, plausible figures. Per-file costs weigh more there, so ChiTieu's ratio to the floor
is higher (see the README's performance section). `npm run bench` measures them beside the full
templates; with EXPECTED_JSON the national figures of these workbooks are written there (the format
of the bench's expected.json), computed as bench/national.ts computes them: sums exact (integers
here), a rate 100 × (Σ numerators / Σ denominators), a score Σ / units.

    python3 bench/lean-workbooks.py .bench-cache/consolidate/<key>/n3321 /tmp/lean [EXPECTED_JSON]
    node bin/chitieu.js consolidate /tmp/lean --roster .bench-cache/consolidate/<key>/n3321/roster.csv \
        --template ktxh-xa --period 2026 --out /tmp/lean.xlsx
    python3 bench/floor.py /tmp/lean
"""
import csv
import json
import os
import random
import sys

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table

SHARES = {"HO_NGHEO": 0.1, "HO_CAN_NGHEO": 0.08, "LD_CO_BANG": 0.2}
HEADERS = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Tử số", "Mẫu số", "Thực hiện", "Kế hoạch", "Ghi chú"]


def main(bench_set: str, out: str, expected_path: str | None) -> None:
    indicators = json.load(open(os.path.join(bench_set, "expected.json"), encoding="utf-8"))["indicators"]
    with open(os.path.join(bench_set, "roster.csv"), encoding="utf-8") as f:
        communes = [r for r in csv.DictReader(f) if r["cap"] == "xa"]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(1)
    sums = {ind["code"]: [0, 0] for ind in indicators}
    for c in communes:
        wb = Workbook()
        ws = wb.active
        ws.title = "Chỉ tiêu"
        for row, (label, value) in enumerate(
            [("Mã đơn vị", c["ma_don_vi"]), ("Tên đơn vị", c["ten_don_vi"]), ("Kỳ báo cáo", "2026"), ("Mẫu biểu", "ktxh-xa@1")],
            start=1,
        ):
            ws.cell(row, 1, label)
            ws.cell(row, 2, value)
        ws.append([])
        ws.append(HEADERS)
        # One denominator per commune (the rates that share "households" must agree), fractions kept
        # in the order the cross-checks expect (trained labour with a diploma ≤ trained labour).
        den = rnd.randint(950, 1050)
        for ind in indicators:
            if ind["kind"] == "rate":
                share = SHARES.get(ind["code"], 0.5) * rnd.uniform(0.96, 1.04)
                num = int(den * share)
                ws.append([ind["code"], ind["code"].lower(), "%", num, den, None, None, None])
                sums[ind["code"]][0] += num
                sums[ind["code"]][1] += den
            else:
                # A score (new-rural criteria met, 0–10) or a count or amount, in Thực hiện.
                value = rnd.randint(0, 10) if ind["kind"] == "score" else rnd.randint(950, 1050)
                ws.append([ind["code"], ind["code"].lower(), "", None, None, value, None, None])
                sums[ind["code"]][0] += value
        ws.add_table(Table(displayName="ChiTieu", ref=f"A6:H{6 + len(indicators)}"))
        for name, cell in [("ChiTieu_MaDonVi", "$B$1"), ("ChiTieu_TenDonVi", "$B$2"), ("ChiTieu_KyBaoCao", "$B$3"), ("ChiTieu_MauBieu", "$B$4")]:
            wb.defined_names.append(DefinedName(name, attr_text=f"'Chỉ tiêu'!{cell}"))
        wb.save(os.path.join(out, f"xa_{c['ma_don_vi']}.xlsx"))
    print(f"{len(communes)} workbooks in {out}")
    if expected_path:
        n = len(communes)
        figures = []
        for ind in indicators:
            a, b = sums[ind["code"]]
            base = {"code": ind["code"], "kind": ind["kind"], "reporting": n, "expected": n}
            if ind["kind"] == "rate":
                figures.append({**base, "value": 100 * (a / b) if b > 0 else None, "numerator": a, "denominator": b})
            elif ind["kind"] == "score":
                figures.append({**base, "value": a / n, "numerator": a, "denominator": n})
            else:
                figures.append({**base, "value": a, "numerator": None, "denominator": None})
        with open(expected_path, "w", encoding="utf-8") as f:
            json.dump({"scope": "VN", "indicators": figures}, f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else None)
