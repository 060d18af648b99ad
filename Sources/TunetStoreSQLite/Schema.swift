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
        migrator.registerMigration("v2-agreements-and-kpi") { db in
            try db.execute(sql: """
                CREATE TABLE agreement (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    reference TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    municipalities TEXT NOT NULL,
                    target_groups TEXT NOT NULL,
                    start_date TEXT NOT NULL,
                    end_date TEXT NOT NULL CHECK (end_date >= start_date),
                    estimated_value_ore INTEGER NOT NULL CHECK (estimated_value_ore > 0),
                    maximum_value_ore INTEGER NOT NULL CHECK (maximum_value_ore > 0),
                    maximum_participant_days INTEGER CHECK (maximum_participant_days > 0),
                    call_off_method TEXT NOT NULL,
                    allocation_criteria TEXT,
                    absence_rule TEXT NOT NULL,
                    allows_extra_days INTEGER NOT NULL DEFAULT 0,
                    kpi_base_month TEXT,
                    kpi_index_month INTEGER,
                    kpi_effective_month INTEGER,
                    special_reason TEXT,
                    terminated_on TEXT,
                    termination_reason TEXT,
                    procurement_id INTEGER
                );
                CREATE TABLE agreement_party (
                    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
                    provider_id INTEGER NOT NULL REFERENCES provider(id),
                    rank INTEGER,
                    PRIMARY KEY (agreement_id, provider_id)
                );
                CREATE INDEX agreement_party_provider ON agreement_party(provider_id);
                CREATE TABLE agreement_option (
                    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
                    sequence INTEGER NOT NULL,
                    months INTEGER NOT NULL CHECK (months > 0),
                    decision_deadline TEXT NOT NULL,
                    exercised_on TEXT,
                    PRIMARY KEY (agreement_id, sequence)
                );
                CREATE TABLE price_version (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
                    provider_id INTEGER NOT NULL REFERENCES provider(id),
                    line TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    valid_from TEXT NOT NULL,
                    amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
                    source TEXT NOT NULL,
                    UNIQUE (agreement_id, provider_id, line, valid_from)
                );
                CREATE TABLE kpi_index (
                    month TEXT PRIMARY KEY,
                    tenths INTEGER NOT NULL CHECK (tenths > 0)
                );
                """)
        }
        // A competition is a small document read and written whole (criteria, price form, tenders,
        // scores, award), so it is stored as JSON beside the columns that lists filter on.
        migrator.registerMigration("v3-procurements") { db in
            try db.execute(sql: """
                CREATE TABLE procurement (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    title TEXT NOT NULL,
                    state TEXT NOT NULL,
                    document TEXT NOT NULL CHECK (json_valid(document))
                );
                CREATE INDEX procurement_state ON procurement(state);
                """)
        }
        // A placement is written whole as a document; the columns repeat what lists, capacity
        // checks and the ceiling query on.
        migrator.registerMigration("v4-placements") { db in
            try db.execute(sql: """
                CREATE TABLE placement (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    participant_code TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
                    provider_id INTEGER NOT NULL REFERENCES provider(id),
                    municipality_number TEXT NOT NULL,
                    start_date TEXT NOT NULL,
                    end_date TEXT NOT NULL CHECK (end_date >= start_date),
                    cancelled INTEGER NOT NULL DEFAULT 0,
                    planned_days INTEGER NOT NULL,
                    projected_cost_ore INTEGER NOT NULL CHECK (projected_cost_ore >= 0),
                    ceiling_override INTEGER NOT NULL DEFAULT 0,
                    document TEXT NOT NULL CHECK (json_valid(document))
                );
                CREATE INDEX placement_agreement ON placement(agreement_id);
                CREATE INDEX placement_provider_period ON placement(provider_id, start_date, end_date);
                CREATE INDEX placement_participant ON placement(participant_code);

                -- Names only when a municipality insists; kept apart, never exported, every read audited.
                CREATE TABLE participant_name (
                    participant_code TEXT PRIMARY KEY,
                    name TEXT NOT NULL
                );

                CREATE TABLE follow_up (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    placement_id INTEGER NOT NULL REFERENCES placement(id),
                    date TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    wishes_and_needs TEXT NOT NULL,
                    next_date TEXT
                );
                CREATE INDEX follow_up_placement ON follow_up(placement_id);

                CREATE TABLE school_holiday (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    municipality_number TEXT NOT NULL,
                    from_date TEXT NOT NULL,
                    to_date TEXT NOT NULL CHECK (to_date >= from_date),
                    name TEXT NOT NULL,
                    UNIQUE (municipality_number, from_date, to_date)
                );
                """)
        }
        migrator.registerMigration("v5-attendance") { db in
            try db.execute(sql: """
                CREATE TABLE attendance_submission (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    received_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    provider_id INTEGER NOT NULL REFERENCES provider(id),
                    file_name TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    months TEXT NOT NULL,
                    row_count INTEGER NOT NULL,
                    new_rows INTEGER NOT NULL,
                    changed_rows INTEGER NOT NULL,
                    unchanged_rows INTEGER NOT NULL
                );
                CREATE INDEX attendance_submission_hash ON attendance_submission(provider_id, content_hash);

                -- One row per participant-day; a later submission replaces it (the audit log keeps the earlier value).
                -- Amounts are fixed when the day is reported: day_price and transport are what the farm bills,
                -- planned_cost what the placement had committed for the day.
                CREATE TABLE attendance (
                    placement_id INTEGER NOT NULL REFERENCES placement(id),
                    date TEXT NOT NULL,
                    status TEXT NOT NULL,
                    hours_tenths INTEGER,
                    transport_trips INTEGER,
                    extra_day INTEGER NOT NULL,
                    day_price_ore INTEGER NOT NULL,
                    transport_ore INTEGER NOT NULL,
                    planned_cost_ore INTEGER NOT NULL,
                    submission_id INTEGER NOT NULL REFERENCES attendance_submission(id),
                    PRIMARY KEY (placement_id, date)
                ) WITHOUT ROWID;
                CREATE INDEX attendance_date ON attendance(date);
                """)
        }
        migrator.registerMigration("v6-kpi-effective-day") { db in
            try db.execute(sql: "ALTER TABLE agreement ADD COLUMN kpi_effective_day INTEGER NOT NULL DEFAULT 1")
        }
        migrator.registerMigration("v7-work-team") { db in
            try db.execute(sql: """
                CREATE TABLE team (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    municipality_number TEXT NOT NULL,
                    owner TEXT NOT NULL
                );
                CREATE TABLE team_member (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    team_id INTEGER NOT NULL REFERENCES team(id),
                    name TEXT NOT NULL,
                    sector TEXT NOT NULL,
                    role TEXT NOT NULL,
                    email TEXT,
                    active INTEGER NOT NULL DEFAULT 1
                );
                -- A task is written whole with its history; rule_key keeps rules from raising a task twice.
                CREATE TABLE work_task (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    team_id INTEGER NOT NULL REFERENCES team(id),
                    status TEXT NOT NULL,
                    due_date TEXT,
                    owner_id INTEGER REFERENCES team_member(id),
                    rule_key TEXT UNIQUE,
                    document TEXT NOT NULL CHECK (json_valid(document))
                );
                CREATE INDEX work_task_status ON work_task(status, due_date);
                """)
        }
        migrator.registerMigration("v8-pilots") { db in
            try db.execute(sql: """
                CREATE TABLE pilot (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    document TEXT NOT NULL CHECK (json_valid(document))
                );
                CREATE TABLE pilot_measure (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    pilot_id INTEGER NOT NULL REFERENCES pilot(id),
                    municipality_number TEXT NOT NULL,
                    from_date TEXT NOT NULL,
                    to_date TEXT NOT NULL CHECK (to_date >= from_date),
                    name TEXT NOT NULL,
                    value_tenths INTEGER NOT NULL,
                    unit TEXT NOT NULL,
                    n INTEGER NOT NULL CHECK (n > 0),
                    source TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v9-access-tokens") { db in
            try db.execute(sql: """
                CREATE TABLE access_token (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                    role TEXT NOT NULL CHECK (role IN ('provider', 'leader')),
                    provider_id INTEGER REFERENCES provider(id),
                    label TEXT,
                    created_at TEXT NOT NULL,
                    expires_on TEXT NOT NULL,
                    revoked_at TEXT
                );
                """)
        }
        // The attendance export walks farms by organisation number and each farm's placements by
        // participant code, reading each placement's days in key order instead of sorting a year.
        migrator.registerMigration("v10-placement-by-provider-participant") { db in
            try db.execute(sql: "CREATE INDEX placement_provider_participant ON placement(provider_id, participant_code)")
        }
        // Every query of attendance names its placements, so the primary key (placement, date) serves
        // them all; the date index was never read, and keeping it up to date was a fifth of a
        // national import (BENCHMARKS.md).
        migrator.registerMigration("v11-attendance-without-date-index") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS attendance_date")
        }
        // A cancelled placement plans no day and costs nothing (Placement.cancel); placements cancelled
        // before this rule kept their figures in both the columns and the document.
        migrator.registerMigration("v12-cancelled-placements-count-nothing") { db in
            try db.execute(sql: """
                UPDATE placement SET planned_days = 0, projected_cost_ore = 0,
                    document = json_set(document, '$.planned_days', 0, '$.projected_cost_ore', 0)
                WHERE cancelled = 1
                """)
        }
        // Which trips an agreement bills (TransportBilling); agreements made before the setting bill
        // trips only on billable days, the default. Days already stored keep the amounts they were priced at.
        migrator.registerMigration("v13-agreement-transport-billing") { db in
            try db.execute(sql: "ALTER TABLE agreement ADD COLUMN transport_billing TEXT NOT NULL DEFAULT 'billable_days'")
        }
        // A file imported again on purpose (`--again`) is a new submission of the same content: the
        // content hash was never unique; the new submission names the earlier one it applied again.
        migrator.registerMigration("v14-submission-applied-again") { db in
            try db.execute(sql: "ALTER TABLE attendance_submission ADD COLUMN applied_again_of INTEGER REFERENCES attendance_submission(id)")
        }
        // A team works for one municipality or, in an inter-municipal cooperation, for several; a task a
        // rule raises is kept once per team, so a rule's key now begins with its team.
        migrator.registerMigration("v15-team-municipalities") { db in
            try db.execute(sql: """
                CREATE TABLE team_municipality (
                    team_id INTEGER NOT NULL REFERENCES team(id),
                    municipality_number TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (team_id, municipality_number)
                );
                CREATE INDEX team_municipality_number ON team_municipality(municipality_number);
                INSERT INTO team_municipality (team_id, municipality_number, position) SELECT id, municipality_number, 0 FROM team;
                -- Missing attendance is now raised per municipality; a task raised before was its team's.
                UPDATE work_task SET rule_key = rule_key || ':' || (SELECT municipality_number FROM team WHERE team.id = work_task.team_id)
                WHERE rule_key LIKE 'attendance:%';
                UPDATE work_task SET rule_key = team_id || '|' || rule_key,
                    document = json_set(document, '$.rule_key', team_id || '|' || rule_key)
                WHERE rule_key IS NOT NULL;
                """)
        }
        // Leader and work-team tokens see some municipalities (or, for the whole service, every one: `*`,
        // which leader tokens issued before scopes keep); a county project leader's token sees its pilot's.
        // Each audit event records the role and the municipalities its actor acted for.
        migrator.registerMigration("v16-access-scopes") { db in
            try db.execute(sql: """
                CREATE TABLE access_token_scoped (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                    role TEXT NOT NULL CHECK (role IN ('provider', 'leader', 'work_team', 'national')),
                    provider_id INTEGER REFERENCES provider(id),
                    municipality_scope TEXT,
                    pilot_id INTEGER REFERENCES pilot(id),
                    label TEXT,
                    created_at TEXT NOT NULL,
                    expires_on TEXT NOT NULL,
                    revoked_at TEXT,
                    CHECK ((role = 'provider') = (provider_id IS NOT NULL)),
                    CHECK (role NOT IN ('leader', 'work_team') OR (municipality_scope IS NOT NULL) <> (pilot_id IS NOT NULL))
                );
                INSERT INTO access_token_scoped (id, token_hash, role, provider_id, municipality_scope, label, created_at, expires_on, revoked_at)
                SELECT id, token_hash, role, provider_id, CASE role WHEN 'leader' THEN '*' END, label, created_at, expires_on, revoked_at
                FROM access_token;
                DROP TABLE access_token;
                ALTER TABLE access_token_scoped RENAME TO access_token;
                ALTER TABLE audit_event ADD COLUMN actor_role TEXT;
                ALTER TABLE audit_event ADD COLUMN actor_scope TEXT;
                """)
        }
        // A browser signed in to the service's pages: the hash of its cookie's secret, the token it stands
        // for, and its time limit. Sessions are never copied or restored; they end with their token.
        migrator.registerMigration("v17-web-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE web_session (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
                    token_id INTEGER NOT NULL REFERENCES access_token(id),
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL CHECK (expires_at > created_at)
                );
                CREATE INDEX web_session_by_expiry ON web_session(expires_at);
                """)
        }
        registerLaterMigrations(&migrator)
        return migrator
    }
}
