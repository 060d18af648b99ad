import Foundation
import PostgresNIO
import TunetDomain

/// The schema of a shared PostgreSQL database, in versioned migrations of its own (the SQLite file's
/// are in `TunetStoreSQLite/Schema.swift`). Each is applied once, in one transaction, under an advisory
/// lock, so that several service instances starting at once apply it once.
enum PostgresSchema {
    struct Migration {
        let name: String
        /// One statement each: the extended protocol takes no more than one at a time.
        let statements: [String]

        init(name: String, statements: [String]) {
            self.name = name
            self.statements = statements
        }

        /// A script whose statements hold no ";" but the one that ends them.
        init(name: String, script: String) {
            self.init(name: name, statements: script.components(separatedBy: ";\n").filter {
                !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            })
        }
    }

    /// The lock every instance takes while it migrates (any number; this one spells "TUNET").
    static let migrationLock: Int64 = 0x54_55_4E_45_54

    static let migrations: [Migration] = [
        Migration(name: "p1-tables", script: tables),
        Migration(name: "p2-numbers-in-the-transaction", script: numbersInTheTransaction),
        Migration(name: "p3-days-checked-per-statement", statements: PostgresDayReferences.checkedPerStatement),
        Migration(name: "p4-web-sessions", script: webSessions),
        // Why a farm counts as a non-profit organisation (reserved competitions); null when it does not.
        Migration(name: "p5-non-profit-farms", script: "ALTER TABLE provider ADD COLUMN non_profit_basis text"),
        // The places an agreement buys per farm and target group, and whether call-offs may go beyond them.
        Migration(name: "p6-bought-places", script: """
            ALTER TABLE agreement ADD COLUMN bought_places jsonb NOT NULL DEFAULT '[]';
            ALTER TABLE agreement ADD COLUMN allows_extra_places boolean NOT NULL DEFAULT false
            """),
        // Where a pilot's measure was taken: on the farm, or at the day centre it is compared with.
        Migration(name: "p7-measure-setting",
                  script: "ALTER TABLE pilot_measure ADD COLUMN setting text NOT NULL DEFAULT 'farm' CHECK (setting IN ('farm', 'day_centre'))"),
        // A person's way from a referral to a place on a farm (the Aktive sammen steps), as a document.
        Migration(name: "p8-participant-journeys", script: participantJourneys),
        // A farm's EHF invoices and credit notes as Tunet checked them against the invoice basis, as documents.
        Migration(name: "p9-checked-invoices", script: checkedInvoices),
    ]

    /// A browser signed in to the service's pages: the hash of its cookie's secret, the token it stands
    /// for, and its time limit. Sessions are never copied or restored; they end with their token.
    static let webSessions = """
        CREATE TABLE web_session (
            id bigint PRIMARY KEY DEFAULT tunet_next_number('web_session'),
            secret_hash text NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
            token_id bigint NOT NULL REFERENCES access_token(id),
            created_at moment,
            expires_at moment,
            CHECK (expires_at > created_at)
        );
        CREATE INDEX web_session_by_expiry ON web_session(expires_at);
        INSERT INTO tunet_number (name, last) VALUES ('web_session', 0)
        """

    static let participantJourneys = """
        CREATE TABLE participant_journey (
            id bigint PRIMARY KEY DEFAULT tunet_next_number('participant_journey'),
            participant_code text NOT NULL,
            municipality_number text NOT NULL,
            document jsonb NOT NULL
        );
        CREATE INDEX participant_journey_by_participant ON participant_journey(participant_code);
        CREATE INDEX participant_journey_by_municipality ON participant_journey(municipality_number);
        INSERT INTO tunet_number (name, last) VALUES ('participant_journey', 0)
        """

    static let checkedInvoices = """
        CREATE TABLE checked_invoice (
            id bigint PRIMARY KEY DEFAULT tunet_next_number('checked_invoice'),
            provider_organisation_number text NOT NULL,
            municipality_number text NOT NULL,
            kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
            number text NOT NULL,
            status text NOT NULL CHECK (status IN ('matches', 'differs', 'credited')),
            document jsonb NOT NULL,
            UNIQUE (provider_organisation_number, kind, number)
        );
        CREATE INDEX checked_invoice_by_municipality ON checked_invoice(municipality_number);
        INSERT INTO tunet_number (name, last) VALUES ('checked_invoice', 0)
        """

    /// The tables whose records Tunet numbers from the start (migration p2 moved them to the counter).
    static let numberedTables = [
        "audit_event", "provider", "procurement", "agreement", "price_version", "placement", "follow_up", "school_holiday",
        "attendance_submission", "team", "team_member", "work_task", "pilot", "pilot_measure", "access_token",
    ]

    /// Tables made later with the counter as their default, whose numbers a copy must continue too.
    static let numberedLater = ["participant_journey", "checked_invoice"]

    /// Record numbers from a counter kept in the transaction, as SQLite's AUTOINCREMENT keeps them: a
    /// rolled-back transaction gives its numbers back, so no number is skipped (a sequence's would be),
    /// and a number once given is never given again. Writers take one lock first, so the counter is
    /// never contended.
    static let numbersInTheTransaction = """
        CREATE TABLE tunet_number (name text PRIMARY KEY, last bigint NOT NULL CHECK (last >= 0));
        CREATE FUNCTION tunet_next_number(counter text) RETURNS bigint LANGUAGE sql VOLATILE AS $$INSERT INTO tunet_number AS n (name, last) VALUES (counter, 1) ON CONFLICT (name) DO UPDATE SET last = n.last + 1 RETURNING last$$;
        """ + numberedTables.map { table in """

        ALTER TABLE \(table) ALTER COLUMN id DROP IDENTITY;
        ALTER TABLE \(table) ALTER COLUMN id SET DEFAULT tunet_next_number('\(table)');
        INSERT INTO tunet_number (name, last) SELECT '\(table)', COALESCE(MAX(id), 0) FROM \(table);
        """ }.joined()

    /// Moments (an audit event's, a token's, a submission's) are kept as Tunet writes them in both stores,
    /// ISO 8601 in UTC to the millisecond, so that a database copied from SQLite compares byte for byte;
    /// calendar days are `date`, money whole øre in `bigint`.
    static let moment = "text NOT NULL CHECK (VALUE ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$')"

    static let tables = """
        CREATE DOMAIN moment AS \(moment);
        CREATE TABLE audit_event (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            at moment,
            actor text NOT NULL,
            actor_role text,
            actor_scope text,
            action text NOT NULL,
            entity text NOT NULL,
            entity_id text NOT NULL,
            before_json text,
            after_json text,
            note text
        );
        CREATE INDEX audit_event_entity ON audit_event(entity, entity_id);
        CREATE INDEX audit_event_at ON audit_event(at);
        CREATE TABLE provider (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            organisation_number text NOT NULL UNIQUE CHECK (length(organisation_number) = 9),
            name text NOT NULL,
            contact_person text,
            email text,
            phone text,
            address text,
            municipality_number text NOT NULL CHECK (length(municipality_number) = 4),
            producer_number text,
            farm_number text,
            target_groups text NOT NULL,
            places_per_day integer NOT NULL CHECK (places_per_day > 0),
            open_weekdays text NOT NULL,
            ipt_approval_date date,
            next_external_audit_date date,
            police_certificate_date date,
            insurance_expiry date,
            status text NOT NULL CHECK (status IN ('active', 'suspended')),
            status_reason text
        );
        CREATE INDEX provider_municipality ON provider(municipality_number);
        CREATE TABLE procurement (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            title text NOT NULL,
            state text NOT NULL,
            document jsonb NOT NULL
        );
        CREATE INDEX procurement_state ON procurement(state);
        CREATE TABLE agreement (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            reference text NOT NULL UNIQUE,
            title text NOT NULL,
            municipalities text[] NOT NULL,
            target_groups text NOT NULL,
            start_date date NOT NULL,
            end_date date NOT NULL CHECK (end_date >= start_date),
            estimated_value_ore bigint NOT NULL CHECK (estimated_value_ore > 0),
            maximum_value_ore bigint NOT NULL CHECK (maximum_value_ore > 0),
            maximum_participant_days integer CHECK (maximum_participant_days > 0),
            call_off_method text NOT NULL,
            allocation_criteria text,
            absence_rule text NOT NULL,
            allows_extra_days boolean NOT NULL DEFAULT false,
            transport_billing text NOT NULL DEFAULT 'billable_days',
            kpi_base_month text,
            kpi_index_month integer,
            kpi_effective_month integer,
            kpi_effective_day integer NOT NULL DEFAULT 1,
            special_reason text,
            terminated_on date,
            termination_reason text,
            procurement_id bigint REFERENCES procurement(id)
        );
        CREATE INDEX agreement_municipalities ON agreement USING gin (municipalities);
        CREATE TABLE agreement_party (
            agreement_id bigint NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
            provider_id bigint NOT NULL REFERENCES provider(id),
            rank integer,
            PRIMARY KEY (agreement_id, provider_id)
        );
        CREATE INDEX agreement_party_provider ON agreement_party(provider_id);
        CREATE TABLE agreement_option (
            agreement_id bigint NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
            sequence integer NOT NULL,
            months integer NOT NULL CHECK (months > 0),
            decision_deadline date NOT NULL,
            exercised_on date,
            PRIMARY KEY (agreement_id, sequence)
        );
        CREATE TABLE price_version (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            agreement_id bigint NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
            provider_id bigint NOT NULL REFERENCES provider(id),
            line text NOT NULL,
            unit text NOT NULL,
            valid_from date NOT NULL,
            amount_ore bigint NOT NULL CHECK (amount_ore > 0),
            source text NOT NULL,
            UNIQUE (agreement_id, provider_id, line, valid_from)
        );
        CREATE TABLE kpi_index (
            month text PRIMARY KEY,
            tenths integer NOT NULL CHECK (tenths > 0)
        );
        CREATE TABLE placement (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            participant_code text NOT NULL,
            kind text NOT NULL,
            agreement_id bigint NOT NULL REFERENCES agreement(id),
            provider_id bigint NOT NULL REFERENCES provider(id),
            municipality_number text NOT NULL,
            start_date date NOT NULL,
            end_date date NOT NULL CHECK (end_date >= start_date),
            cancelled boolean NOT NULL DEFAULT false,
            planned_days integer NOT NULL,
            projected_cost_ore bigint NOT NULL CHECK (projected_cost_ore >= 0),
            ceiling_override boolean NOT NULL DEFAULT false,
            document jsonb NOT NULL
        );
        CREATE INDEX placement_agreement ON placement(agreement_id);
        CREATE INDEX placement_provider_period ON placement(provider_id, start_date, end_date);
        CREATE INDEX placement_participant ON placement(participant_code);
        CREATE INDEX placement_provider_participant ON placement(provider_id, participant_code);
        CREATE INDEX placement_municipality ON placement(municipality_number);
        -- Names only when a municipality insists; kept apart, never exported, every read audited.
        CREATE TABLE participant_name (
            participant_code text PRIMARY KEY,
            name text NOT NULL
        );
        CREATE TABLE follow_up (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            placement_id bigint NOT NULL REFERENCES placement(id),
            date date NOT NULL,
            roles text NOT NULL,
            wishes_and_needs text NOT NULL,
            next_date date
        );
        CREATE INDEX follow_up_placement ON follow_up(placement_id);
        CREATE TABLE school_holiday (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            municipality_number text NOT NULL,
            from_date date NOT NULL,
            to_date date NOT NULL CHECK (to_date >= from_date),
            name text NOT NULL,
            UNIQUE (municipality_number, from_date, to_date)
        );
        CREATE TABLE attendance_submission (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            received_at moment,
            actor text NOT NULL,
            provider_id bigint NOT NULL REFERENCES provider(id),
            file_name text NOT NULL,
            content_hash text NOT NULL,
            months text NOT NULL,
            row_count integer NOT NULL,
            new_rows integer NOT NULL,
            changed_rows integer NOT NULL,
            unchanged_rows integer NOT NULL,
            applied_again_of bigint REFERENCES attendance_submission(id)
        );
        CREATE INDEX attendance_submission_hash ON attendance_submission(provider_id, content_hash);
        CREATE TABLE attendance (
            placement_id bigint NOT NULL REFERENCES placement(id),
            date date NOT NULL,
            status text NOT NULL,
            hours_tenths integer,
            transport_trips integer,
            extra_day boolean NOT NULL,
            day_price_ore bigint NOT NULL,
            transport_ore bigint NOT NULL,
            planned_cost_ore bigint NOT NULL,
            submission_id bigint NOT NULL REFERENCES attendance_submission(id),
            PRIMARY KEY (placement_id, date)
        );
        CREATE TABLE team (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name text NOT NULL UNIQUE,
            owner text NOT NULL
        );
        CREATE TABLE team_municipality (
            team_id bigint NOT NULL REFERENCES team(id),
            municipality_number text NOT NULL UNIQUE,
            position integer NOT NULL,
            PRIMARY KEY (team_id, municipality_number)
        );
        CREATE TABLE team_member (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            team_id bigint NOT NULL REFERENCES team(id),
            name text NOT NULL,
            sector text NOT NULL,
            role text NOT NULL,
            email text,
            active boolean NOT NULL DEFAULT true
        );
        -- A task is written whole with its history; rule_key keeps rules from raising a task twice.
        CREATE TABLE work_task (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            team_id bigint NOT NULL REFERENCES team(id),
            status text NOT NULL,
            due_date date,
            owner_id bigint REFERENCES team_member(id),
            rule_key text UNIQUE,
            document jsonb NOT NULL
        );
        CREATE INDEX work_task_status ON work_task(status, due_date);
        CREATE TABLE pilot (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name text NOT NULL UNIQUE,
            document jsonb NOT NULL
        );
        CREATE TABLE pilot_measure (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            pilot_id bigint NOT NULL REFERENCES pilot(id),
            municipality_number text NOT NULL,
            from_date date NOT NULL,
            to_date date NOT NULL CHECK (to_date >= from_date),
            name text NOT NULL,
            value_tenths integer NOT NULL,
            unit text NOT NULL,
            n integer NOT NULL CHECK (n > 0),
            source text NOT NULL
        );
        CREATE TABLE access_token (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            token_hash text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
            role text NOT NULL CHECK (role IN ('provider', 'leader', 'work_team', 'national')),
            provider_id bigint REFERENCES provider(id),
            municipality_scope text,
            pilot_id bigint REFERENCES pilot(id),
            label text,
            created_at moment,
            expires_on date NOT NULL,
            revoked_at text,
            CHECK ((role = 'provider') = (provider_id IS NOT NULL)),
            CHECK (role NOT IN ('leader', 'work_team') OR (municipality_scope IS NOT NULL) <> (pilot_id IS NOT NULL))
        );
        """

    /// Applies the migrations the database lacks, each in a transaction of its own, under the lock.
    /// A database migrated by a newer Tunet (a migration this one does not know) is refused.
    static func migrate(_ session: PostgresSession) throws(TunetError) -> [String] {
        var applied: [String] = []
        try session.run("BEGIN")
        do {
            // The lock first: two instances creating the table at once would collide in PostgreSQL's catalogue.
            try session.run("SELECT pg_advisory_xact_lock(\(migrationLock))")
            try session.run("CREATE TABLE IF NOT EXISTS tunet_schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            let done = Set(try session.run("SELECT name FROM tunet_schema_migration").map { row throws(TunetError) in
                do { return try row.decode(String.self) } catch { throw TunetError.internalFault("a migration's name is not text") }
            })
            let known = Set(migrations.map(\.name))
            if let unknown = done.subtracting(known).sorted().first {
                throw TunetError.incompatibleDatabase(Message("files.postgres.newer_schema", ["migration": .text(unknown)]))
            }
            for migration in migrations where !done.contains(migration.name) {
                for statement in migration.statements {
                    try session.run(PostgresQuery(unsafeSQL: statement))
                }
                try session.run("INSERT INTO tunet_schema_migration (name) VALUES (\(migration.name))")
                applied.append(migration.name)
            }
            try session.run("COMMIT")
        } catch let failure as TunetError {
            _ = try? session.run("ROLLBACK")
            throw failure
        } catch {
            _ = try? session.run("ROLLBACK")
            throw .internalFault("PostgreSQL migration: \(type(of: error))")
        }
        return applied
    }
}
