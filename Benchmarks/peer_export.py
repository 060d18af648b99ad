"""The peer for the export benchmark: the same query and the same 10 columns (Tunet's bokmål texts,
its header row's style) written with Python's XlsxWriter in its constant-memory mode.

    python3 Benchmarks/peer_export.py DATABASE OUTPUT.xlsx FROM TO
"""
import datetime
import sqlite3
import sys

import xlsxwriter

QUERY = """
SELECT p.organisation_number, pl.participant_code, a.reference, at.date, at.status, at.hours_tenths, at.transport_trips,
       at.extra_day, at.day_price_ore, at.transport_ore
FROM provider p CROSS JOIN placement pl ON pl.provider_id = p.id CROSS JOIN attendance at ON at.placement_id = pl.id
JOIN agreement a ON a.id = pl.agreement_id WHERE at.date >= ? AND at.date <= ?
ORDER BY p.organisation_number, pl.participant_code, at.date
"""
WORDS = {"present": "møtt", "absent_with_notice": "fravær meldt", "absent_without_notice": "fravær umeldt",
         "cancelled_by_provider": "avlyst av tilbyder"}


def main(database, output, start, end):
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    sheet = workbook.add_worksheet("Oppmøterader")
    date = workbook.add_format({"num_format": "dd.mm.yyyy"})
    money = workbook.add_format({"num_format": '#,##0.00\\ "kr"'})
    header = workbook.add_format({"bold": True, "pattern": 1, "bg_color": "#DDEBF7", "text_wrap": True})
    sheet.set_row(0, 33)
    sheet.write_row(0, 0, ["Tilbyder", "Deltaker", "Avtale", "Dato", "Tilstand", "Timer", "Turer", "Ekstra", "Dag", "Skyss"], header)
    row = 1
    for org, code, agreement, day, status, hours, trips, extra, day_price, transport in db.execute(QUERY, (start, end)):
        sheet.write_string(row, 0, org)
        sheet.write_string(row, 1, code)
        sheet.write_string(row, 2, agreement)
        sheet.write_datetime(row, 3, datetime.datetime.fromisoformat(day), date)
        sheet.write_string(row, 4, WORDS[status])
        if hours is not None:
            sheet.write_number(row, 5, hours / 10)
        if trips is not None:
            sheet.write_number(row, 6, trips)
        sheet.write_string(row, 7, "ja" if extra else "nei")
        sheet.write_number(row, 8, day_price / 100, money)
        sheet.write_number(row, 9, transport / 100, money)
        row += 1
    workbook.close()
    print(f"{row - 1} rows")


if __name__ == "__main__":
    main(*sys.argv[1:5])
