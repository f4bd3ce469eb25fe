"""The floor in Python: read every workbook under a folder and inflate every zip entry, parsing
nothing (what issue 7 measured: the standard library's zipfile, one core; zipfile also checks each
entry's CRC-32).

    python3 bench/floor.py FOLDER
"""
import os
import sys
import zipfile


def main() -> int:
    files = 0
    inflated = 0
    for root, dirs, names in os.walk(sys.argv[1]):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".xlsx"):
                continue
            with zipfile.ZipFile(os.path.join(root, name)) as z:
                for info in z.infolist():
                    inflated += len(z.read(info))
            files += 1
    print(f"{files} files, {inflated} bytes inflated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
