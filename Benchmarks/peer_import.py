"""The peer for the import benchmark: what a municipality's analyst might write with Python's
standard library alone. It does the same lookups as `tunet attendance import` -- the farm by
organisation number, the participant's placement with that farm, the day's price -- checks the
date and status, and writes the same rows in one transaction.

    python3 Benchmarks/peer_import.py DATABASE FILE.csv
"""
import csv
import datetime
import sqlite3
import sys

STATUSES = {"M": "present", "FM": "absent_with_notice", "FU": "absent_without_notice", "AT": "cancelled_by_provider"}
BILLED = {"present", "absent_without_notice"}


def main(database, path):
    db = sqlite3.connect(database)
    providers = dict(db.execute("SELECT organisation_number, id FROM provider"))
    placements = {(provider, code): (pid, start, end, agreement)
                  for pid, provider, code, start, end, agreement in db.execute(
                      "SELECT id, provider_id, participant_code, start_date, end_date, agreement_id FROM placement WHERE cancelled = 0")}
    prices = {}
    for agreement, provider, line, valid_from, amount in db.execute(
            "SELECT agreement_id, provider_id, line, valid_from, amount_ore FROM price_version ORDER BY valid_from"):
        prices.setdefault((agreement, provider, line), []).append((valid_from, amount))

    def price(agreement, provider, line, day):
        amount = None
        for valid_from, value in prices.get((agreement, provider, line), []):
            if valid_from <= day:
                amount = value
        return amount

    rows, problems, seen = [], [], set()
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        for number, (org, code, day, status, hours) in enumerate(reader, start=2):
            provider = providers.get(org)
            placement = placements.get((provider, code))
            try:
                iso = datetime.date.fromisoformat(day).isoformat()
            except ValueError:
                problems.append((number, "date"))
                continue
            if provider is None or placement is None or not (placement[1] <= iso <= placement[2]):
                problems.append((number, "participant"))
                continue
            if status not in STATUSES or (placement[0], iso) in seen:
                problems.append((number, "status"))
                continue
            seen.add((placement[0], iso))
            name = STATUSES[status]
            day_price = price(placement[3], provider, "full_day", iso) if name in BILLED else 0
            tenths = int(round(float(hours.replace(",", ".")) * 10)) if hours else None
            rows.append((placement[0], iso, name, tenths, None, 0, day_price, 0, 0))
    if problems:
        print(f"{len(problems)} problems, first {problems[0]}", file=sys.stderr)
        return 65
    with db:
        submission = db.execute(
            "INSERT INTO attendance_submission (received_at, actor, provider_id, file_name, content_hash, months, row_count, new_rows,"
            " changed_rows, unchanged_rows) VALUES (datetime('now'), 'peer', ?, ?, '', '', ?, ?, 0, 0)",
            (next(iter(providers.values())), path, len(rows), len(rows))).lastrowid
        db.executemany(
            "INSERT INTO attendance (placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,"
            " planned_cost_ore, submission_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + str(submission) + ")", rows)
    print(f"{len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
