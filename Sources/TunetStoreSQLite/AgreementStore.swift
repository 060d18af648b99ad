import GRDB
import TunetDomain
import TunetStorage

/// Agreements are stored as a row with its parties, options and price versions in child tables,
/// and audited as one snapshot, so the log shows the whole agreement before and after each change.
extension SQLiteReader {
    public func agreement(_ reference: String) throws -> Agreement? {
        guard let row = try Row.fetchOne(try cached("SELECT * FROM agreement WHERE reference = ?"), arguments: [reference]) else {
            return nil
        }
        return try agreement(row: row)
    }

    public func allAgreements() throws -> [Agreement] {
        try Row.fetchAll(db, sql: "SELECT * FROM agreement ORDER BY start_date, reference").map(agreement(row:))
    }

    /// The projected cost of the agreement's placements that are not cancelled, summed by the placement's municipality.
    public func committedValueByMunicipality(agreement reference: String) throws -> [String: Money] {
        let rows = try Row.fetchAll(try cached("""
            SELECT pl.municipality_number AS municipality, SUM(pl.projected_cost_ore) AS money
            FROM placement pl JOIN agreement a ON a.id = pl.agreement_id WHERE a.reference = ? AND pl.cancelled = 0
            GROUP BY pl.municipality_number
            """), arguments: [reference])
        return Dictionary(uniqueKeysWithValues: rows.map { (row: Row) -> (String, Money) in (row["municipality"], Money(ore: row["money"])) })
    }

    /// Billed attendance under the agreement and the planned cost of the reported days of its placements that
    /// are not cancelled, summed by the placement's municipality.
    public func reportedValueByMunicipality(agreement reference: String) throws -> [String: ReportedValue] {
        let rows = try Row.fetchAll(try cached("""
            SELECT pl.municipality_number AS municipality, SUM(at.day_price_ore + at.transport_ore) AS billed,
                   SUM(CASE WHEN pl.cancelled = 0 THEN at.planned_cost_ore ELSE 0 END) AS planned
            FROM attendance at JOIN placement pl ON pl.id = at.placement_id JOIN agreement a ON a.id = pl.agreement_id
            WHERE a.reference = ?
            GROUP BY pl.municipality_number
            """), arguments: [reference])
        return Dictionary(uniqueKeysWithValues: rows.map { (row: Row) -> (String, ReportedValue) in
            (row["municipality"], ReportedValue(billed: Money(ore: row["billed"]), plannedCostOfActivePlacements: Money(ore: row["planned"])))
        })
    }

    func agreementId(_ reference: String) throws -> Int64? {
        try Int64.fetchOne(try cached("SELECT id FROM agreement WHERE reference = ?"), arguments: [reference])
    }

    func providerId(_ number: OrganisationNumber) throws -> Int64 {
        guard let id = try Int64.fetchOne(try cached("SELECT id FROM provider WHERE organisation_number = ?"),
                                          arguments: [number.digits]) else {
            throw TunetError.notFound(kind: "provider", key: number.digits)
        }
        return id
    }

    func agreement(row: Row) throws -> Agreement {
        let id: Int64 = row["id"]
        func date(_ column: String) throws -> LocalDate? {
            guard let text: String = row[column] else { return nil }
            return try StoredValue.date(text, column: "agreement.\(column)")
        }
        let parties = try Row.fetchAll(try cached("""
            SELECT p.organisation_number, ap.rank FROM agreement_party ap JOIN provider p ON p.id = ap.provider_id
            WHERE ap.agreement_id = ? ORDER BY ap.rank IS NULL, ap.rank, p.organisation_number
            """), arguments: [id]).map { party in
            AgreementParty(provider: try StoredValue.organisationNumber(party["organisation_number"]), rank: party["rank"])
        }
        let options = try Row.fetchAll(try cached("SELECT * FROM agreement_option WHERE agreement_id = ? ORDER BY sequence"),
                                       arguments: [id]).map { option in
            ExtensionOption(months: option["months"],
                            decisionDeadline: try StoredValue.date(option["decision_deadline"], column: "agreement_option.decision_deadline"),
                            exercisedOn: try (option["exercised_on"] as String?).map { try StoredValue.date($0, column: "agreement_option.exercised_on") })
        }
        let prices = try Row.fetchAll(try cached("""
            SELECT p.organisation_number, v.* FROM price_version v JOIN provider p ON p.id = v.provider_id
            WHERE v.agreement_id = ?
            """), arguments: [id]).map { price in
            PriceVersion(provider: try StoredValue.organisationNumber(price["organisation_number"]), line: price["line"],
                         unit: PriceUnit(rawValue: price["unit"]) ?? .day,
                         validFrom: try StoredValue.date(price["valid_from"], column: "price_version.valid_from"),
                         amount: Money(ore: price["amount_ore"]), source: price["source"])
        }
        var clause: PriceAdjustmentClause?
        if let base: String = row["kpi_base_month"], case .success(let month) = YearMonth.parse(base),
           let indexMonth: Int = row["kpi_index_month"] {
            clause = PriceAdjustmentClause(baseMonth: month, indexMonth: indexMonth, effectiveMonth: row["kpi_effective_month"] ?? 1,
                                           effectiveDay: row["kpi_effective_day"] ?? 1)
        }
        let municipalities: String = row["municipalities"]
        let groups: String = row["target_groups"]
        return Agreement(
            reference: row["reference"], title: row["title"],
            municipalities: municipalities.split(separator: ",").map(String.init), parties: parties,
            targetGroups: Set(groups.split(separator: ",").compactMap { TargetGroup(rawValue: String($0)) }),
            start: try date("start_date")!, end: try date("end_date")!, options: options,
            estimatedValue: Money(ore: row["estimated_value_ore"]), maximumValue: Money(ore: row["maximum_value_ore"]),
            maximumParticipantDays: row["maximum_participant_days"],
            callOffMethod: CallOffMethod(rawValue: row["call_off_method"]) ?? .direct,
            allocationCriteria: row["allocation_criteria"],
            absenceRule: AbsenceBillingRule(rawValue: row["absence_rule"]) ?? .presentOnly,
            transportBilling: try StoredValue.transportBilling(row["transport_billing"]),
            allowsExtraDays: row["allows_extra_days"], priceAdjustment: clause, specialReason: row["special_reason"],
            prices: PriceList(prices), terminatedOn: try date("terminated_on"), terminationReason: row["termination_reason"],
            procurementId: row["procurement_id"], boughtPlaces: try StoredValue.boughtPlaces(row["bought_places"]),
            allowsExtraPlaces: row["allows_extra_places"])
    }
}

extension SQLiteTransaction {
    public func insert(_ agreement: Agreement, note: RecordedText? = nil) throws {
        var values = try agreement.columnValues
        values["reference"] = agreement.reference
        let columns = values.keys.sorted()
        try db.execute(
            sql: "INSERT INTO agreement (\(columns.joined(separator: ", "))) VALUES (\(Self.marks(columns.count)))",
            arguments: StatementArguments(columns.map { values[$0]! }))
        try writeChildren(of: agreement, id: db.lastInsertedRowID)
        try audit("create", entity: "agreement", id: agreement.reference, before: Agreement?.none, after: agreement, note: note)
    }

    /// Stores the agreement's new state; `action` names the change in the audit log.
    public func update(_ agreement: Agreement, action: String, note: RecordedText? = nil) throws {
        guard let id = try agreementId(agreement.reference), let before = try self.agreement(agreement.reference) else {
            throw TunetError.notFound(kind: "agreement", key: agreement.reference)
        }
        guard before != agreement else { return }
        let values = try agreement.columnValues
        let columns = values.keys.sorted()
        try db.execute(sql: "UPDATE agreement SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                       arguments: StatementArguments(columns.map { values[$0]! } + [id]))
        for table in ["agreement_party", "agreement_option", "price_version"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE agreement_id = ?", arguments: [id])
        }
        try writeChildren(of: agreement, id: id)
        try audit(action, entity: "agreement", id: agreement.reference, before: before, after: agreement, note: note)
    }

    private func writeChildren(of agreement: Agreement, id: Int64) throws {
        for party in agreement.parties {
            try db.execute(sql: "INSERT INTO agreement_party (agreement_id, provider_id, rank) VALUES (?, ?, ?)",
                           arguments: [id, try providerId(party.provider), party.rank])
        }
        for (sequence, option) in agreement.options.enumerated() {
            try db.execute(sql: """
                INSERT INTO agreement_option (agreement_id, sequence, months, decision_deadline, exercised_on) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, sequence + 1, option.months, option.decisionDeadline.iso, option.exercisedOn?.iso])
        }
        for price in agreement.prices.versions {
            try db.execute(sql: """
                INSERT INTO price_version (agreement_id, provider_id, line, unit, valid_from, amount_ore, source)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, try providerId(price.provider), price.line, price.unit.rawValue, price.validFrom.iso,
                                 price.amount.ore, price.source])
        }
    }
}

extension Agreement {
    var columnValues: [String: (any DatabaseValueConvertible)?] {
        get throws { [
            "bought_places": try StoredValue.boughtPlacesText(boughtPlaces),
            "allows_extra_places": allowsExtraPlaces,
            "title": title,
            "municipalities": municipalities.joined(separator: ","),
            "target_groups": TargetGroup.codes(targetGroups),
            "start_date": start.iso,
            "end_date": end.iso,
            "estimated_value_ore": estimatedValue.ore,
            "maximum_value_ore": maximumValue.ore,
            "maximum_participant_days": maximumParticipantDays,
            "call_off_method": callOffMethod.rawValue,
            "allocation_criteria": allocationCriteria,
            "absence_rule": absenceRule.rawValue,
            "transport_billing": transportBilling.rawValue,
            "allows_extra_days": allowsExtraDays,
            "kpi_base_month": priceAdjustment?.baseMonth.ssb,
            "kpi_index_month": priceAdjustment?.indexMonth,
            "kpi_effective_month": priceAdjustment?.effectiveMonth,
            "kpi_effective_day": priceAdjustment?.effectiveDay ?? 1,
            "special_reason": specialReason,
            "terminated_on": terminatedOn?.iso,
            "termination_reason": terminationReason,
            "procurement_id": procurementId,
        ] }
    }
}

/// Values read back from the database are trusted but checked: a damaged file must not turn into wrong money.
