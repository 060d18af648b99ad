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
    }
}
