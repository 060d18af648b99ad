import GRDB

extension Schema {
    /// The migrations from the reserved competitions on (v18 and later), kept apart so that each file stays short.
    static func registerLaterMigrations(_ migrator: inout DatabaseMigrator) {
        // Why a farm counts as a non-profit organisation (reserved competitions); null when it does not.
        migrator.registerMigration("v18-non-profit-farms") { db in
            try db.execute(sql: "ALTER TABLE provider ADD COLUMN non_profit_basis TEXT")
        }
        // The places an agreement buys per farm and target group (a JSON array), and whether call-offs may go beyond them.
        migrator.registerMigration("v19-bought-places") { db in
            try db.execute(sql: """
                ALTER TABLE agreement ADD COLUMN bought_places TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(bought_places));
                ALTER TABLE agreement ADD COLUMN allows_extra_places INTEGER NOT NULL DEFAULT 0;
                """)
        }
        // Where a pilot's measure was taken: on the farm, or at the day centre it is compared with.
        migrator.registerMigration("v20-measure-setting") { db in
            try db.execute(sql: "ALTER TABLE pilot_measure ADD COLUMN setting TEXT NOT NULL DEFAULT 'farm' CHECK (setting IN ('farm', 'day_centre'))")
        }
        // A person's way from a referral to a place on a farm (the Aktive sammen steps), as a document.
        migrator.registerMigration("v21-participant-journeys") { db in
            try db.execute(sql: """
                CREATE TABLE participant_journey (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    participant_code TEXT NOT NULL,
                    municipality_number TEXT NOT NULL,
                    document TEXT NOT NULL CHECK (json_valid(document))
                );
                CREATE INDEX participant_journey_by_participant ON participant_journey(participant_code);
                CREATE INDEX participant_journey_by_municipality ON participant_journey(municipality_number);
                """)
        }
        // A farm's EHF invoices and credit notes as Tunet checked them against the invoice basis, as documents.
        migrator.registerMigration("v22-checked-invoices") { db in
            try db.execute(sql: """
                CREATE TABLE checked_invoice (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    provider_organisation_number TEXT NOT NULL,
                    municipality_number TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
                    number TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('matches', 'differs', 'credited')),
                    document TEXT NOT NULL CHECK (json_valid(document)),
                    UNIQUE (provider_organisation_number, kind, number)
                );
                CREATE INDEX checked_invoice_by_municipality ON checked_invoice(municipality_number);
                """)
        }
        // A reported day's submission is looked up once per write, not once per day by a foreign key
        // (`AttendanceRowWriter`): every day of a write names the submission recorded just before it, and
        // a correction of a farm's 2,000 days paid 2,000 look-ups of that one row, a seventh of the
        // service's work per upload (BENCHMARKS.md). The placement's key stays. A submission that days
        // name can still not be removed or renumbered, as with the key.
        migrator.registerMigration("v23-day-submission-checked-per-write") { db in
            try db.execute(sql: """
                CREATE TABLE attendance_rebuilt (
                    placement_id INTEGER NOT NULL REFERENCES placement(id),
                    date TEXT NOT NULL,
                    status TEXT NOT NULL,
                    hours_tenths INTEGER,
                    transport_trips INTEGER,
                    extra_day INTEGER NOT NULL,
                    day_price_ore INTEGER NOT NULL,
                    transport_ore INTEGER NOT NULL,
                    planned_cost_ore INTEGER NOT NULL,
                    submission_id INTEGER NOT NULL,
                    PRIMARY KEY (placement_id, date)
                ) WITHOUT ROWID;
                INSERT INTO attendance_rebuilt (placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore,
                                                transport_ore, planned_cost_ore, submission_id)
                    SELECT placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,
                           planned_cost_ore, submission_id
                    FROM attendance ORDER BY placement_id, date;
                DROP TABLE attendance;
                ALTER TABLE attendance_rebuilt RENAME TO attendance;
                CREATE TRIGGER submission_removed_keeps_its_days BEFORE DELETE ON attendance_submission
                    WHEN EXISTS (SELECT 1 FROM attendance WHERE submission_id = OLD.id)
                    BEGIN SELECT RAISE(ABORT, 'a submission with reported days cannot be removed or renumbered'); END;
                CREATE TRIGGER submission_renumbered_keeps_its_days BEFORE UPDATE OF id ON attendance_submission
                    WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM attendance WHERE submission_id = OLD.id)
                    BEGIN SELECT RAISE(ABORT, 'a submission with reported days cannot be removed or renumbered'); END;
                """)
        }
        // Audit snapshots over 4 KB are kept deflated (`StoredSnapshot`). Nothing is rewritten: the migration
        // marks the file, so that a Tunet from before, which would read such a snapshot as text, refuses it.
        migrator.registerMigration("v24-large-audit-snapshots-deflated") { _ in }
        // A reported day's placement is looked up once per write too (`AttendanceRowWriter`): a foreign key
        // looked it up for every day, and kept the writer from replacing a corrected day with one insert
        // (BENCHMARKS.md, "2026-12-05, afternoon"). Triggers keep a placement that days name from being
        // removed or renumbered, and a stored day from being moved to a placement that does not exist.
        migrator.registerMigration("v25-day-placement-checked-per-write") { db in
            try db.execute(sql: """
                DROP TRIGGER submission_removed_keeps_its_days;
                DROP TRIGGER submission_renumbered_keeps_its_days;
                CREATE TABLE attendance_rebuilt (
                    placement_id INTEGER NOT NULL,
                    date TEXT NOT NULL,
                    status TEXT NOT NULL,
                    hours_tenths INTEGER,
                    transport_trips INTEGER,
                    extra_day INTEGER NOT NULL,
                    day_price_ore INTEGER NOT NULL,
                    transport_ore INTEGER NOT NULL,
                    planned_cost_ore INTEGER NOT NULL,
                    submission_id INTEGER NOT NULL,
                    PRIMARY KEY (placement_id, date)
                ) WITHOUT ROWID;
                INSERT INTO attendance_rebuilt (placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore,
                                                transport_ore, planned_cost_ore, submission_id)
                    SELECT placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,
                           planned_cost_ore, submission_id
                    FROM attendance ORDER BY placement_id, date;
                DROP TABLE attendance;
                ALTER TABLE attendance_rebuilt RENAME TO attendance;
                CREATE TRIGGER submission_removed_keeps_its_days BEFORE DELETE ON attendance_submission
                    WHEN EXISTS (SELECT 1 FROM attendance WHERE submission_id = OLD.id)
                    BEGIN SELECT RAISE(ABORT, 'a submission with reported days cannot be removed or renumbered'); END;
                CREATE TRIGGER submission_renumbered_keeps_its_days BEFORE UPDATE OF id ON attendance_submission
                    WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM attendance WHERE submission_id = OLD.id)
                    BEGIN SELECT RAISE(ABORT, 'a submission with reported days cannot be removed or renumbered'); END;
                CREATE TRIGGER placement_removed_keeps_its_days BEFORE DELETE ON placement
                    WHEN EXISTS (SELECT 1 FROM attendance WHERE placement_id = OLD.id)
                    BEGIN SELECT RAISE(ABORT, 'a placement with reported days cannot be removed or renumbered'); END;
                CREATE TRIGGER placement_renumbered_keeps_its_days BEFORE UPDATE OF id ON placement
                    WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM attendance WHERE placement_id = OLD.id)
                    BEGIN SELECT RAISE(ABORT, 'a placement with reported days cannot be removed or renumbered'); END;
                CREATE TRIGGER day_moved_to_a_placement_that_exists BEFORE UPDATE OF placement_id ON attendance
                    WHEN NOT EXISTS (SELECT 1 FROM placement WHERE id = NEW.placement_id)
                    BEGIN SELECT RAISE(ABORT, 'a reported day names a placement that does not exist'); END;
                """)
        }
    }
}
