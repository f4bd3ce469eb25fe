"""The peer: the national figures from a folder of ChiTieu template workbooks, as an analyst would
compute them with pandas + openpyxl (Debian's python3-pandas and python3-openpyxl).

    python3 bench/peer.py FOLDER [HEADER_ROW]

For each workbook: read the "Chỉ tiêu" sheet with pandas.read_excel (openpyxl underneath, cached
formula results) from its header row, keep the rows that have an indicator code; then per
indicator sum Tử số, Mẫu số and Thực hiện, and compute the figure: a rate is
100 × Σ Tử số / Σ Mẫu số, the new-rural score (NTM_TIEU_CHI) the mean over the communes, every
other indicator the sum of Thực hiện. Prints the figures as JSON. It validates nothing, writes no
summary workbook and trusts every file: far less than `chitieu consolidate` does.
"""
import glob
import json
import os
import sys
import warnings

import pandas as pd

SHEET = "Chỉ tiêu"
HEADER_ROW = 9  # the template's header row (Excel numbering); row 8 holds English captions
# bench/lean-workbooks.py puts it on row 6: `python3 bench/peer.py FOLDER 6`
CODE, NUM, DEN, VALUE = "Mã chỉ tiêu", "Tử số", "Mẫu số", "Thực hiện"
SCORES = {"NTM_TIEU_CHI"}


def main() -> int:
    warnings.filterwarnings("ignore")  # openpyxl: "Data Validation extension is not supported"
    folder = sys.argv[1]
    header_row = int(sys.argv[2]) if len(sys.argv) > 2 else HEADER_ROW
    frames = []
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.xlsx"), recursive=True)):
        df = pd.read_excel(path, sheet_name=SHEET, header=header_row - 1, dtype={CODE: str})
        df = df[df[CODE].notna()]
        frames.append(df[[CODE, NUM, DEN, VALUE]])
    data = pd.concat(frames, ignore_index=True)
    for column in (NUM, DEN, VALUE):
        data[column] = pd.to_numeric(data[column], errors="coerce")

    by_code = data.groupby(CODE, sort=False)
    sums = by_code[[NUM, DEN, VALUE]].sum(min_count=1)
    counts = by_code[[DEN, VALUE]].count()
    figures = []
    for code, row in sums.iterrows():
        if pd.notna(row[DEN]):
            numerator, denominator = float(row[NUM]), float(row[DEN])
            value = 100 * numerator / denominator if denominator > 0 else None
            reporting = int(counts.loc[code, DEN])
        elif code in SCORES:
            reporting = int(counts.loc[code, VALUE])
            numerator, denominator = float(row[VALUE]), float(reporting)
            value = numerator / denominator
        else:
            numerator = denominator = None
            value = float(row[VALUE]) if pd.notna(row[VALUE]) else None
            reporting = int(counts.loc[code, VALUE])
        figures.append(
            {
                "code": code,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "reporting": reporting,
            }
        )
    json.dump({"files": len(frames), "indicators": figures}, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
