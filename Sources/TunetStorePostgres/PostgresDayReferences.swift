/// What a reported day refers to, checked once per statement instead of once per row.
///
/// A foreign key checks each inserted or changed row with a query of its own; for the attendance
/// table, where an import writes a nation's million days and a correction rewrites a farm's two
/// thousand, those checks took three quarters of the server's time (BENCHMARKS.md, "PostgreSQL").
/// Here the days a statement wrote are checked together, as one join against the placements and the
/// submissions, and a placement or submission that still has days cannot be removed or renumbered: the
/// same promises as the foreign keys they replace, refused with the same SQLSTATE (23503).
///
/// A foreign key also locks the row it points to against a concurrent removal; these checks need no
/// such lock, because every writer first takes the writer's lock (`PostgresStore.writerLock`), and
/// Tunet never removes a placement or a submission.
enum PostgresDayReferences {
    static let checkedPerStatement: [String] = [
        "ALTER TABLE attendance DROP CONSTRAINT attendance_placement_id_fkey",
        "ALTER TABLE attendance DROP CONSTRAINT attendance_submission_id_fkey",
        """
        CREATE FUNCTION tunet_days_name_what_exists() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            unknown_placement boolean;
            unknown_submission boolean;
        BEGIN
            -- A statement's days name a few placements and submissions each: those are looked up, once.
            WITH named AS MATERIALIZED (SELECT DISTINCT placement_id, submission_id FROM tunet_written_days)
            SELECT EXISTS (SELECT 1 FROM named n WHERE NOT EXISTS (SELECT 1 FROM placement p WHERE p.id = n.placement_id)),
                   EXISTS (SELECT 1 FROM named n WHERE NOT EXISTS (SELECT 1 FROM attendance_submission s WHERE s.id = n.submission_id))
            INTO unknown_placement, unknown_submission;
            IF unknown_placement THEN
                RAISE foreign_key_violation USING MESSAGE = 'a reported day names a placement that does not exist',
                    TABLE = 'attendance', COLUMN = 'placement_id';
            END IF;
            IF unknown_submission THEN
                RAISE foreign_key_violation USING MESSAGE = 'a reported day names a submission that does not exist',
                    TABLE = 'attendance', COLUMN = 'submission_id';
            END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER attendance_inserted_names_what_exists AFTER INSERT ON attendance
            REFERENCING NEW TABLE AS tunet_written_days FOR EACH STATEMENT EXECUTE FUNCTION tunet_days_name_what_exists()
        """,
        """
        CREATE TRIGGER attendance_updated_names_what_exists AFTER UPDATE ON attendance
            REFERENCING NEW TABLE AS tunet_written_days FOR EACH STATEMENT EXECUTE FUNCTION tunet_days_name_what_exists()
        """,
    ] + keepsItsDays("placement", named: "placement", by: "placement_id")
      + keepsItsDays("attendance_submission", named: "submission", by: "submission_id")

    /// A row of `table` that days name by `column` cannot be removed, nor given another number.
    private static func keepsItsDays(_ table: String, named name: String, by column: String) -> [String] {
        let check = "tunet_\(name)_keeps_its_days"
        return [
            """
            CREATE FUNCTION \(check)() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                gone bigint;
            BEGIN
                FOR gone IN SELECT o.id FROM tunet_old_rows o WHERE NOT EXISTS (SELECT 1 FROM \(table) t WHERE t.id = o.id) LOOP
                    IF EXISTS (SELECT 1 FROM attendance a WHERE a.\(column) = gone) THEN
                        RAISE foreign_key_violation USING MESSAGE = 'a \(name) with reported days cannot be removed or renumbered',
                            TABLE = '\(table)', COLUMN = 'id';
                    END IF;
                END LOOP;
                RETURN NULL;
            END $$
            """,
        ] + [("deleted", "DELETE"), ("updated", "UPDATE")].map { event, statement in
            """
            CREATE TRIGGER \(name)_\(event)_keeps_its_days AFTER \(statement) ON \(table)
                REFERENCING OLD TABLE AS tunet_old_rows FOR EACH STATEMENT EXECUTE FUNCTION \(check)()
            """
        }
    }
}
