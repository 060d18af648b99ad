import GRDB

/// Versioned migrations. A migration, once released, is never edited: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-providers-and-audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    before_json TEXT,
                    after_json TEXT,
                    note TEXT
                );
                CREATE INDEX audit_event_entity ON audit_event(entity, entity_id);
                CREATE INDEX audit_event_at ON audit_event(at);

                CREATE TABLE provider (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    organisation_number TEXT NOT NULL UNIQUE CHECK (length(organisation_number) = 9),
                    name TEXT NOT NULL,
                    contact_person TEXT,
                    email TEXT,
                    phone TEXT,
                    address TEXT,
                    municipality_number TEXT NOT NULL CHECK (length(municipality_number) = 4),
                    producer_number TEXT,
                    farm_number TEXT,
                    target_groups TEXT NOT NULL,
                    places_per_day INTEGER NOT NULL CHECK (places_per_day > 0),
                    open_weekdays TEXT NOT NULL,
                    ipt_approval_date TEXT,
                    next_external_audit_date TEXT,
                    police_certificate_date TEXT,
                    insurance_expiry TEXT,
                    status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
                    status_reason TEXT
                );
                CREATE INDEX provider_municipality ON provider(municipality_number);
                """)
        }
        return migrator
    }
}
