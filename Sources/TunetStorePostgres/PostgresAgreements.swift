import PostgresNIO
import TunetDomain
import TunetStorage

/// Agreements are stored as a row with its parties, options and price versions in child tables,
/// and audited as one snapshot, so the log shows the whole agreement before and after each change.
extension PostgresReader {
    static let agreementSelection = """
        SELECT a.id, a.reference, a.title, a.municipalities, a.target_groups, a.start_date, a.end_date, a.estimated_value_ore,
               a.maximum_value_ore, a.maximum_participant_days, a.call_off_method, a.allocation_criteria, a.absence_rule,
               a.allows_extra_days, a.transport_billing, a.kpi_base_month, a.kpi_index_month, a.kpi_effective_month, a.kpi_effective_day,
               a.special_reason, a.terminated_on, a.termination_reason, a.procurement_id, a.bought_places::text, a.allows_extra_places
        FROM agreement a
        """

    /// SQLite orders text by its bytes; the "C" collation does the same whatever the database's locale.
    static let agreementOrder = "ORDER BY a.start_date, a.reference COLLATE \"C\""

    public func agreement(_ reference: String) throws -> Agreement? {
        try rows("\(unescaped: Self.agreementSelection) WHERE a.reference = \(reference)").first.map(agreement(row:))
    }

    public func allAgreements() throws -> [Agreement] {
        try rows("\(unescaped: Self.agreementSelection) \(unescaped: Self.agreementOrder)").map(agreement(row:))
    }

    /// The projected cost of the agreement's placements that are not cancelled, summed by the placement's municipality.
    public func committedValueByMunicipality(agreement reference: String) throws -> [String: Money] {
        let rows = try rows("""
            SELECT pl.municipality_number, SUM(pl.projected_cost_ore)::bigint
            FROM placement pl JOIN agreement a ON a.id = pl.agreement_id WHERE a.reference = \(reference) AND NOT pl.cancelled
            GROUP BY pl.municipality_number
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { row -> (String, Money) in
            let cells = row.cells
            return (try cells(0), Money(ore: try cells(1, as: Int64.self)))
        })
    }

    /// Billed attendance under the agreement and the planned cost of the reported days of its placements that
    /// are not cancelled, summed by the placement's municipality.
    public func reportedValueByMunicipality(agreement reference: String) throws -> [String: ReportedValue] {
        let rows = try rows("""
            SELECT pl.municipality_number, SUM(at.day_price_ore + at.transport_ore)::bigint,
                   SUM(CASE WHEN NOT pl.cancelled THEN at.planned_cost_ore ELSE 0 END)::bigint
            FROM attendance at JOIN placement pl ON pl.id = at.placement_id JOIN agreement a ON a.id = pl.agreement_id
            WHERE a.reference = \(reference)
            GROUP BY pl.municipality_number
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { row -> (String, ReportedValue) in
            let cells = row.cells
            return (try cells(0), ReportedValue(billed: Money(ore: try cells(1, as: Int64.self)),
                                                plannedCostOfActivePlacements: Money(ore: try cells(2, as: Int64.self))))
        })
    }

    /// The store's own number of an agreement, which its children refer to. Private to this file: the
    /// placements keep their own (both are needed, neither file waits for the other).
    fileprivate func agreementRowId(_ reference: String) throws -> Int64? {
        try value("SELECT id FROM agreement WHERE reference = \(reference)", as: Int64.self)
    }

    /// An agreement from a row of `agreementSelection`, with its parties, options and prices.
    func agreement(row: PostgresRow) throws -> Agreement {
        let cells = row.cells
        let id: Int64 = try cells(0)
        let parties = try rows("""
            SELECT p.organisation_number, ap.rank FROM agreement_party ap JOIN provider p ON p.id = ap.provider_id
            WHERE ap.agreement_id = \(id) ORDER BY ap.rank IS NULL, ap.rank, p.organisation_number COLLATE "C"
            """).map { party in
            let cells = party.cells
            return AgreementParty(provider: try StoredValue.organisationNumber(try cells(0)), rank: try cells(1, as: Int32?.self).map(Int.init))
        }
        let options = try rows("""
            SELECT months, decision_deadline, exercised_on FROM agreement_option WHERE agreement_id = \(id) ORDER BY sequence
            """).map { option in
            let cells = option.cells
            return ExtensionOption(months: Int(try cells(0, as: Int32.self)), decisionDeadline: try cells(1), exercisedOn: try cells(2))
        }
        let prices = try rows("""
            SELECT p.organisation_number, v.line, v.unit, v.valid_from, v.amount_ore, v.source
            FROM price_version v JOIN provider p ON p.id = v.provider_id
            WHERE v.agreement_id = \(id)
            """).map { price in
            let cells = price.cells
            return PriceVersion(provider: try StoredValue.organisationNumber(try cells(0)), line: try cells(1),
                                unit: PriceUnit(rawValue: try cells(2)) ?? .day, validFrom: try cells(3),
                                amount: Money(ore: try cells(4, as: Int64.self)), source: try cells(5))
        }
        var clause: PriceAdjustmentClause?
        if let base = try cells(15, as: String?.self), case .success(let month) = YearMonth.parse(base),
           let indexMonth = try cells(16, as: Int32?.self) {
            clause = PriceAdjustmentClause(baseMonth: month, indexMonth: Int(indexMonth), effectiveMonth: Int(try cells(17, as: Int32?.self) ?? 1),
                                           effectiveDay: Int(try cells(18, as: Int32.self)))
        }
        return Agreement(
            reference: try cells(1), title: try cells(2), municipalities: try cells(3, as: [String].self), parties: parties,
            targetGroups: Set(try cells(4, as: String.self).split(separator: ",").compactMap { TargetGroup(rawValue: String($0)) }),
            start: try cells(5), end: try cells(6), options: options,
            estimatedValue: Money(ore: try cells(7, as: Int64.self)), maximumValue: Money(ore: try cells(8, as: Int64.self)),
            maximumParticipantDays: try cells(9, as: Int32?.self).map(Int.init),
            callOffMethod: CallOffMethod(rawValue: try cells(10)) ?? .direct,
            allocationCriteria: try cells(11),
            absenceRule: AbsenceBillingRule(rawValue: try cells(12)) ?? .presentOnly,
            transportBilling: try StoredValue.transportBilling(try cells(14)),
            allowsExtraDays: try cells(13), priceAdjustment: clause, specialReason: try cells(19),
            prices: PriceList(prices), terminatedOn: try cells(20), terminationReason: try cells(21),
            procurementId: try cells(22), boughtPlaces: try StoredValue.boughtPlaces(try cells(23)),
            allowsExtraPlaces: try cells(24))
    }
}

extension PostgresTransaction {
    public func insert(_ agreement: Agreement, note: RecordedText? = nil) throws {
        let clause = agreement.priceAdjustment
        guard let id = try value("""
            INSERT INTO agreement (reference, title, municipalities, target_groups, start_date, end_date, estimated_value_ore, maximum_value_ore,
                                   maximum_participant_days, call_off_method, allocation_criteria, absence_rule, transport_billing,
                                   allows_extra_days, kpi_base_month, kpi_index_month, kpi_effective_month, kpi_effective_day, special_reason,
                                   terminated_on, termination_reason, procurement_id, bought_places, allows_extra_places)
            VALUES (\(agreement.reference), \(agreement.title), \(agreement.municipalities), \(TargetGroup.codes(agreement.targetGroups)),
                    \(agreement.start), \(agreement.end), \(agreement.estimatedValue.ore), \(agreement.maximumValue.ore),
                    \(agreement.maximumParticipantDays), \(agreement.callOffMethod.rawValue), \(agreement.allocationCriteria),
                    \(agreement.absenceRule.rawValue), \(agreement.transportBilling.rawValue), \(agreement.allowsExtraDays),
                    \(clause?.baseMonth.ssb), \(clause?.indexMonth), \(clause?.effectiveMonth), \(clause?.effectiveDay ?? 1),
                    \(agreement.specialReason), \(agreement.terminatedOn), \(agreement.terminationReason), \(agreement.procurementId),
                    \(try StoredValue.boughtPlacesText(agreement.boughtPlaces))::jsonb, \(agreement.allowsExtraPlaces))
            RETURNING id
            """, as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the agreement no number") }
        try writeChildren(of: agreement, id: id)
        try audit("create", entity: "agreement", id: agreement.reference, before: Agreement?.none, after: agreement, note: note)
    }

    /// Stores the agreement's new state; `action` names the change in the audit log.
    public func update(_ agreement: Agreement, action: String, note: RecordedText? = nil) throws {
        guard let id = try agreementRowId(agreement.reference), let before = try self.agreement(agreement.reference) else {
            throw TunetError.notFound(kind: "agreement", key: agreement.reference)
        }
        guard before != agreement else { return }
        let clause = agreement.priceAdjustment
        try rows("""
            UPDATE agreement SET title = \(agreement.title), municipalities = \(agreement.municipalities),
                target_groups = \(TargetGroup.codes(agreement.targetGroups)), start_date = \(agreement.start), end_date = \(agreement.end),
                estimated_value_ore = \(agreement.estimatedValue.ore), maximum_value_ore = \(agreement.maximumValue.ore),
                maximum_participant_days = \(agreement.maximumParticipantDays), call_off_method = \(agreement.callOffMethod.rawValue),
                allocation_criteria = \(agreement.allocationCriteria), absence_rule = \(agreement.absenceRule.rawValue),
                transport_billing = \(agreement.transportBilling.rawValue), allows_extra_days = \(agreement.allowsExtraDays),
                kpi_base_month = \(clause?.baseMonth.ssb), kpi_index_month = \(clause?.indexMonth),
                kpi_effective_month = \(clause?.effectiveMonth), kpi_effective_day = \(clause?.effectiveDay ?? 1),
                special_reason = \(agreement.specialReason), terminated_on = \(agreement.terminatedOn),
                termination_reason = \(agreement.terminationReason), procurement_id = \(agreement.procurementId),
                bought_places = \(try StoredValue.boughtPlacesText(agreement.boughtPlaces))::jsonb,
                allows_extra_places = \(agreement.allowsExtraPlaces)
            WHERE id = \(id)
            """)
        try rows("DELETE FROM agreement_party WHERE agreement_id = \(id)")
        try rows("DELETE FROM agreement_option WHERE agreement_id = \(id)")
        try rows("DELETE FROM price_version WHERE agreement_id = \(id)")
        try writeChildren(of: agreement, id: id)
        try audit(action, entity: "agreement", id: agreement.reference, before: before, after: agreement, note: note)
    }

    private func writeChildren(of agreement: Agreement, id: Int64) throws {
        for party in agreement.parties {
            let provider = try providerId(party.provider)
            try rows("INSERT INTO agreement_party (agreement_id, provider_id, rank) VALUES (\(id), \(provider), \(party.rank))")
        }
        for (sequence, option) in agreement.options.enumerated() {
            try rows("""
                INSERT INTO agreement_option (agreement_id, sequence, months, decision_deadline, exercised_on)
                VALUES (\(id), \(sequence + 1), \(option.months), \(option.decisionDeadline), \(option.exercisedOn))
                """)
        }
        for price in agreement.prices.versions {
            let provider = try providerId(price.provider)
            try rows("""
                INSERT INTO price_version (agreement_id, provider_id, line, unit, valid_from, amount_ore, source)
                VALUES (\(id), \(provider), \(price.line), \(price.unit.rawValue), \(price.validFrom), \(price.amount.ore),
                        \(price.source))
                """)
        }
    }
}
