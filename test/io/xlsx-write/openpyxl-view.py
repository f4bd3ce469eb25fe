"""What openpyxl (3.0, Debian's python3-openpyxl) reads out of a workbook, as JSON on stdout.

Used by test/io/xlsx-write/second-readers.test.ts: a third program, with its own parser and its own
idea of the format, must load the writer's files and see the tables, names, validations,
protection and notes.
"""

import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def text(v):
    if v is None:
        return None
    if isinstance(v, (int, float, bool, str)):
        return v
    return str(v)


def sheet_view(ws):
    tables = []
    for table in ws.tables.values():
        tables.append(
            {
                "name": table.name,
                "ref": table.ref,
                "columns": [c.name for c in table.tableColumns],
                "style": table.tableStyleInfo.name if table.tableStyleInfo else None,
            }
        )
    validations = []
    for dv in ws.data_validations.dataValidation:
        validations.append(
            {
                "sqref": str(dv.sqref),
                "type": dv.type,
                "operator": dv.operator,
                "formula1": dv.formula1,
                "formula2": dv.formula2,
                "allowBlank": bool(dv.allow_blank),
                "promptTitle": dv.promptTitle,
                "prompt": dv.prompt,
                "errorTitle": dv.errorTitle,
                "error": dv.error,
            }
        )
    validations.sort(key=lambda v: v["sqref"])
    p = ws.protection
    cells = {}
    notes = {}
    links = {}
    unlocked = []
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells[c.coordinate] = text(c.value)
            if c.comment is not None:
                notes[c.coordinate] = c.comment.text
            if c.hyperlink is not None:
                links[c.coordinate] = [c.hyperlink.target, c.hyperlink.location]
            if c.has_style and c.protection.locked is False:
                unlocked.append(c.coordinate)
    conditional = []
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            conditional.append(
                {
                    "sqref": str(rng.sqref),
                    "type": rule.type,
                    "operator": rule.operator,
                    "formula": list(rule.formula or []),
                    "priority": rule.priority,
                    "showValue": (
                        rule.iconSet.showValue
                        if rule.type == "iconSet" and rule.iconSet is not None
                        else None
                    ),
                }
            )
    conditional.sort(key=lambda c: c["priority"])
    charts = []
    for chart in ws._charts:
        series = []
        for ser in chart.series:
            series.append(
                {
                    "name": ser.tx.strRef.f if ser.tx and ser.tx.strRef else None,
                    "categories": ser.cat.strRef.f if ser.cat and ser.cat.strRef else None,
                    "values": ser.val.numRef.f if ser.val and ser.val.numRef else None,
                }
            )
        charts.append({"type": chart.tagname, "series": series})
    hidden = sorted(
        letter for letter, dim in ws.column_dimensions.items() if dim.hidden
    )
    return {
        "name": ws.title,
        "tables": tables,
        "validations": validations,
        "protection": {
            "sheet": bool(p.sheet),
            "formatColumns": bool(p.formatColumns),
            "formatRows": bool(p.formatRows),
            "selectLockedCells": bool(p.selectLockedCells),
            "selectUnlockedCells": bool(p.selectUnlockedCells),
        },
        "freeze": ws.freeze_panes,
        "printTitleRows": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
        "paperSize": text(ws.page_setup.paperSize),
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "merges": sorted(str(m) for m in ws.merged_cells.ranges),
        "cells": cells,
        "notes": notes,
        "links": links,
        "unlocked": sorted(unlocked),
        "conditional": conditional,
        "charts": charts,
        "footer": ws.oddFooter.center.text if ws.oddFooter and ws.oddFooter.center else None,
        "printTitleCols": ws.print_title_cols,
        "hiddenColumns": hidden,
        "rowBreaks": [b.id for b in ws.row_breaks.brk],
        "colBreaks": [b.id for b in ws.col_breaks.brk],
        "wrapped": sorted(
            c.coordinate
            for row in ws.iter_rows()
            for c in row
            if c.value is not None and c.has_style and c.alignment.wrap_text
        ),
        "widths": {
            get_column_letter(i): dim.width
            for dim in ws.column_dimensions.values()
            if dim.customWidth and dim.min is not None
            for i in range(dim.min, (dim.max or dim.min) + 1)
        },
    }


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    names = {}
    for dn in wb.defined_names.definedName:
        if dn.localSheetId is None:
            names[dn.name] = dn.attr_text
    json.dump(
        {
            "version": openpyxl.__version__,
            "title": wb.properties.title,
            "creator": wb.properties.creator,
            "names": names,
            "sheets": [sheet_view(ws) for ws in wb.worksheets],
        },
        sys.stdout,
        ensure_ascii=False,
    )


main()
