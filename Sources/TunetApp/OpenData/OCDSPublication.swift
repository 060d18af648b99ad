import Crypto
import TunetDomain
import TunetJSON
import TunetStorage
import TunetText

/// Builds the release package from the store: one contracting process per procurement (its framework
/// agreement as its contract), one per agreement registered without a procurement, and one per call-off
/// summed by agreement, municipality, farm and month, related to its agreement's process as `framework`.
struct OCDSPublication {
    let prefix: String
    let buyers: [String: OrganisationNumber]
    let from: LocalDate?
    let to: LocalDate?
    let today: LocalDate
    let publishedDate: String
    /// The data's language is bokmål: its few sentences are written in it whatever the reader's language.
    let texts = Texts(.nb)

    struct Built {
        let package: OCDSReleasePackage
        let procurements: Int
        let agreements: Int
        let callOffs: Int
        /// Groups of fewer than five participants even with the agreement's other small farms that month: not published.
        let heldBack: Int
        let heldBackValue: Money
    }

    private struct CallOffKey: Hashable {
        let agreement: String
        let municipality: String
        /// Nil for the farms of the agreement and municipality that month with fewer than five participants each, together.
        let provider: String?
        let month: YearMonth
    }

    private struct CallOffSum {
        var billed = Money.zero
        var participants = Set<String>()
        var providers = Set<String>()
    }

    func package(in reader: StoreReader, scope: MunicipalityScope) throws -> Built {
        let names = Dictionary(try reader.allProviders().map { ($0.organisationNumber.digits, $0.name) }, uniquingKeysWith: { first, _ in first })
        let agreements = try reader.agreements(in: scope)
        let byReference = Dictionary(agreements.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        let allProcurements = try reader.procurements(in: scope)
        // Call-offs are whole months: a period that begins or ends inside one takes all of it.
        var farms: [CallOffKey: CallOffSum] = [:]
        try reader.forEachAttendance(from: from.map { YearMonth($0).firstDay }, to: to.map { YearMonth($0).lastDay }, in: scope) { row in
            let key = CallOffKey(agreement: row.agreement, municipality: row.municipality, provider: row.provider, month: YearMonth(row.date))
            farms[key, default: CallOffSum()].billed += row.dayPrice + row.transport
            farms[key, default: CallOffSum()].participants.insert(row.participant)
            farms[key, default: CallOffSum()].providers.insert(row.provider)
        }
        // A farm's month with fewer than five participants is not published alone: with the agreement's other
        // such farms in the municipality that month, and not at all if they are still fewer than five together.
        var sums: [CallOffKey: CallOffSum] = [:]
        for (key, sum) in farms {
            let published = sum.participants.count >= PublishedCount.threshold ? key
                : CallOffKey(agreement: key.agreement, municipality: key.municipality, provider: nil, month: key.month)
            sums[published, default: CallOffSum()].billed += sum.billed
            sums[published, default: CallOffSum()].participants.formUnion(sum.participants)
            sums[published, default: CallOffSum()].providers.formUnion(sum.providers)
        }
        let small = sums.filter { $0.value.participants.count < PublishedCount.threshold }
        for key in small.keys { sums[key] = nil }
        // A process is published when its period overlaps the asked one, and an agreement's process whenever a
        // call-off under it is (a whole month may reach past the agreement's end), so that every call-off's
        // framework is in the package.
        let calledOff = Set(sums.keys.map(\.agreement))
        func included(_ agreement: Agreement) -> Bool {
            calledOff.contains(agreement.reference) || overlaps(agreement.start, Self.lastDay(agreement))
        }
        let procurements = allProcurements.filter { procurement in
            if let agreement = procurement.agreementReference.flatMap({ byReference[$0] }), included(agreement) { return true }
            return overlaps(procurement.createdOn, procurement.agreementReference.flatMap { byReference[$0].map(Self.lastDay) } ?? procurement.createdOn)
        }
        var needed = Set(procurements.flatMap(\.municipalities) + agreements.flatMap(\.municipalities) + sums.keys.map(\.municipality))
        needed = needed.filter { buyers[$0] == nil }
        if !needed.isEmpty {
            var problems = ProblemCollector()
            for number in needed.sorted() {
                problems.add("buyer", number, Message("ocds.buyer_missing", ["municipality": .text(Municipality.named(number)?.description ?? number),
                                                                            "number": .text(number)], fields: ["buyer"]))
            }
            try problems.check()
        }

        // Each agreement's process: its competition's when it came from one, else its own.
        var processOf: [String: String] = [:]
        for procurement in allProcurements {
            if let reference = procurement.agreementReference { processOf[reference] = procurementID(procurement) }
        }
        var releases: [OCDSRelease] = []
        for procurement in procurements.sorted(by: { $0.id < $1.id }) {
            releases.append(procurementRelease(procurement, agreement: procurement.agreementReference.flatMap { byReference[$0] }, names: names))
        }
        let direct = agreements.filter { processOf[$0.reference] == nil && included($0) }.sorted { $0.reference < $1.reference }
        for agreement in direct {
            let release = agreementRelease(agreement, names: names)
            processOf[agreement.reference] = release.ocid
            releases.append(release)
        }
        let callOffs = sums.keys.sorted { ($0.agreement, $0.municipality, $0.provider ?? "", $0.month) < ($1.agreement, $1.municipality, $1.provider ?? "", $1.month) }
        for key in callOffs {
            guard let sum = sums[key] else { continue }
            let parent = processOf[key.agreement] ?? agreementID(key.agreement)
            releases.append(callOffRelease(key, sum: sum, agreement: byReference[key.agreement], parent: parent, names: names))
        }
        let single = Set(agreements.flatMap(\.municipalities) + procurements.flatMap(\.municipalities))
        let publisher: OCDSPublisher = if single.count == 1, let number = single.first, let organisation = buyers[number] {
            OCDSPublisher(name: buyerName(number), scheme: "NO-BRC", uid: organisation.digits)
        } else {
            OCDSPublisher(name: "Tunet", scheme: nil, uid: nil)
        }
        let package = OCDSReleasePackage(uri: "urn:tunet:ocds:\(prefix):\(today.iso)", publishedDate: publishedDate, publisher: publisher,
                                         releases: releases)
        return Built(package: package, procurements: procurements.count, agreements: direct.count, callOffs: callOffs.count,
                     heldBack: small.count, heldBackValue: small.values.reduce(Money.zero) { $0 + $1.billed })
    }

    /// A competition's process, which its framework agreement is the contract of.
    private func procurementID(_ procurement: Procurement) -> String { "\(prefix)-konkurranse-\(procurement.id)" }

    /// The process of an agreement registered without a competition.
    private func agreementID(_ reference: String) -> String { "\(prefix)-rammeavtale-\(Self.slug(reference))" }

    /// The agreement's last day: the day before it was terminated, else its end with the options exercised so far.
    static func lastDay(_ agreement: Agreement) -> LocalDate {
        agreement.terminatedOn.map { min($0.adding(days: -1), agreement.currentEnd) } ?? agreement.currentEnd
    }

    private func overlaps(_ start: LocalDate, _ end: LocalDate) -> Bool {
        (from.map { end >= $0 } ?? true) && (to.map { start <= $0 } ?? true)
    }

    /// A reference as part of an identifier: ASCII letters, digits and hyphens kept, any other byte as `_`
    /// and its two hex digits, so that two references never give one identifier (`2025/1` is `2025_2F1`).
    static func slug(_ text: String) -> String {
        var slug = ""
        for byte in text.utf8 {
            if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D {
                slug.append(Character(Unicode.Scalar(byte)))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                slug += "_" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return slug
    }

    private func buyerName(_ number: String) -> String {
        texts("ocds.buyer_name", ["name": .text(Municipality.named(number)?.name ?? number)])
    }

    private func buyerParty(_ number: String) -> OCDSParty {
        let organisation = buyers[number]?.digits ?? number
        return OCDSParty(id: "NO-BRC-\(organisation)", name: buyerName(number),
                         identifier: OCDSIdentifier(scheme: "NO-BRC", id: organisation, legalName: buyerName(number)), roles: ["buyer"])
    }

    private func farmParty(_ number: String, names: [String: String], roles: [String]) -> OCDSParty {
        let name = names[number] ?? number
        return OCDSParty(id: "NO-BRC-\(number)", name: name, identifier: OCDSIdentifier(scheme: "NO-BRC", id: number, legalName: name), roles: roles)
    }

    private func reference(_ party: OCDSParty) -> OCDSReference { OCDSReference(id: party.id, name: party.name) }

    private func techniques(_ agreement: Agreement?) -> OCDSTechniques? {
        guard let agreement else { return nil }
        return OCDSTechniques(frameworkAgreement: OCDSFrameworkAgreement(
            method: agreement.callOffMethod.ocdsMethod, value: OCDSValue(agreement.maximumValue),
            period: OCDSPeriod(start: agreement.start, end: Self.lastDay(agreement), maxExtent: agreement.latestPossibleEnd),
            periodRationale: agreement.specialReason, description: agreement.allocationCriteria))
    }

    private func contract(_ agreement: Agreement, awardID: String) -> OCDSContract {
        let ended = agreement.terminatedOn != nil || agreement.currentEnd < today
        let options: String? = agreement.options.isEmpty ? nil
            : texts("ocds.contract.options", ["options": .integer(Int64(agreement.options.count)), "latest": .date(agreement.latestPossibleEnd)])
        return OCDSContract(id: "rammeavtale-\(Self.slug(agreement.reference))", awardID: awardID, title: agreement.title, description: options,
                            status: ended ? "terminated" : (agreement.start > today ? "pending" : "active"),
                            period: OCDSPeriod(start: agreement.start, end: Self.lastDay(agreement),
                                               maxExtent: agreement.latestPossibleEnd),
                            value: OCDSValue(agreement.maximumValue))
    }

    private func release(ocid: String, date: LocalDate, tag: [String], parties: [OCDSParty], buyer: OCDSParty, planning: OCDSPlanning?,
                         tender: OCDSTender, awards: [OCDSAward]?, contracts: [OCDSContract]?, related: [OCDSRelatedProcess]? = nil) -> OCDSRelease {
        // One party per organisation, its roles together.
        var merged: [OCDSParty] = []
        for party in parties {
            if let index = merged.firstIndex(where: { $0.id == party.id }) {
                merged[index].roles += party.roles.filter { !merged[index].roles.contains($0) }
            } else {
                merged.append(party)
            }
        }
        func made(id: String) -> OCDSRelease {
            OCDSRelease(ocid: ocid, id: id, date: OCDSDate.start(date), tag: tag, parties: merged, buyer: reference(buyer),
                        planning: planning, tender: tender, awards: awards, contracts: contracts, relatedProcesses: related)
        }
        // A release's id names its content: a process that changed (a tender came in, an option was used, a
        // month's attendance corrected) is a new release, however its day stays.
        let content = (try? SortedJSONEncoder().encode(made(id: ocid))) ?? []
        return made(id: "\(ocid)-\(date.iso)-\(SHA256.hash(data: content).prefix(6).hexDigits)")
    }

    private func procurementRelease(_ procurement: Procurement, agreement: Agreement?, names: [String: String]) -> OCDSRelease {
        let ocid = procurementID(procurement)
        let buyers = procurement.municipalities.map(buyerParty)
        let winners = Set(procurement.award?.winners.map(\.provider.digits) ?? [])
        // Who has bid is told once tenders are closed: not while the competition is open.
        let closed = procurement.state != .draft && procurement.state != .open
        let tenderers = (closed ? procurement.tenders : []).map { farmParty($0.provider.digits, names: names, roles: winners.contains($0.provider.digits) ? ["tenderer", "supplier"] : ["tenderer"]) }
        let status = switch procurement.state {
        case .draft: "planning"
        case .open, .evaluating: "active"
        case .awarded, .concluded: "complete"
        case .cancelled: "cancelled"
        }
        let priceOnly = procurement.criteria.allSatisfy(\.isPrice)
        let tender = OCDSTender(
            id: "konkurranse-\(procurement.id)", title: procurement.title, status: status, value: OCDSValue(procurement.estimatedValue),
            procurementMethod: "open", awardCriteria: priceOnly ? "priceOnly" : "ratedCriteria",
            awardCriteriaDetails: procurement.criteria.map { "\($0.name) \($0.weight) %" }.joined(separator: "; "),
            numberOfTenderers: closed ? procurement.tenders.count : nil,
            tenderers: tenderers.isEmpty ? nil : tenderers.map(reference),
            tenderPeriod: procurement.tenderDeadline.map { OCDSPeriod(start: procurement.createdOn, end: $0) },
            techniques: techniques(agreement))
        var tag = [procurement.state == .cancelled ? "tenderCancellation" : "tender"]
        var date = procurement.createdOn
        var awards: [OCDSAward]?
        if let award = procurement.award {
            tag.append("award")
            date = max(date, award.noticeDate)
            awards = [OCDSAward(id: "tildeling-\(procurement.id)", title: procurement.title, status: agreement == nil ? "pending" : "active",
                                date: OCDSDate.start(award.noticeDate), value: agreement.map { OCDSValue($0.maximumValue) },
                                suppliers: award.winners.map { reference(farmParty($0.provider.digits, names: names, roles: [])) },
                                contractPeriod: agreement.map { OCDSPeriod(start: $0.start, end: Self.lastDay($0), maxExtent: $0.latestPossibleEnd) })]
        }
        var contracts: [OCDSContract]?
        if let agreement {
            tag.append("contract")
            date = max(date, min(agreement.start, today))
            contracts = [contract(agreement, awardID: "tildeling-\(procurement.id)")]
        }
        return release(ocid: ocid, date: date, tag: tag, parties: buyers + tenderers, buyer: buyers[0],
                       planning: OCDSPlanning(budget: OCDSBudget(description: procurement.title, amount: OCDSValue(procurement.estimatedValue))),
                       tender: tender, awards: awards, contracts: contracts)
    }

    private func agreementRelease(_ agreement: Agreement, names: [String: String]) -> OCDSRelease {
        let ocid = agreementID(agreement.reference)
        let buyers = agreement.municipalities.map(buyerParty)
        let suppliers = agreement.parties.map { farmParty($0.provider.digits, names: names, roles: ["supplier"]) }
        let awardID = "tildeling-\(Self.slug(agreement.reference))"
        let tender = OCDSTender(id: agreement.reference, title: agreement.title, status: "complete", value: OCDSValue(agreement.estimatedValue),
                                procurementMethod: nil, awardCriteria: nil, awardCriteriaDetails: nil, numberOfTenderers: nil, tenderers: nil,
                                tenderPeriod: nil, techniques: techniques(agreement))
        let award = OCDSAward(id: awardID, title: agreement.title, status: "active", date: OCDSDate.start(agreement.start),
                              value: OCDSValue(agreement.maximumValue), suppliers: suppliers.map(reference),
                              contractPeriod: OCDSPeriod(start: agreement.start, end: Self.lastDay(agreement), maxExtent: agreement.latestPossibleEnd))
        return release(ocid: ocid, date: min(agreement.start, today), tag: ["award", "contract"], parties: buyers + suppliers, buyer: buyers[0],
                       planning: nil, tender: tender, awards: [award], contracts: [contract(agreement, awardID: awardID)])
    }

    private func callOffRelease(_ key: CallOffKey, sum: CallOffSum, agreement: Agreement?, parent: String, names: [String: String]) -> OCDSRelease {
        let id = "avrop-\(Self.slug(key.agreement))-\(key.municipality)-\(key.provider ?? "andre")-\(key.month.iso)"
        let ocid = "\(prefix)-\(id)"
        let buyer = buyerParty(key.municipality)
        let suppliers = sum.providers.sorted().map { farmParty($0, names: names, roles: ["supplier"]) }
        let title = if let provider = key.provider {
            texts("ocds.call_off.title", ["reference": .text(key.agreement), "provider": .text(names[provider] ?? provider), "month": .text(key.month.iso)])
        } else {
            texts("ocds.call_off.title_together", ["reference": .text(key.agreement), "farms": .integer(Int64(suppliers.count)),
                                                   "month": .text(key.month.iso)])
        }
        let description = texts(key.provider == nil ? "ocds.call_off.description_together" : "ocds.call_off.description",
                                ["month": .text(key.month.iso), "participants": .text(PublishedCount(sum.participants.count).text)])
        let period = OCDSPeriod(start: key.month.firstDay, end: key.month.lastDay)
        let value = OCDSValue(sum.billed)
        let tender = OCDSTender(id: id, title: title, status: "complete", value: nil, procurementMethod: nil, awardCriteria: nil,
                                awardCriteriaDetails: nil, numberOfTenderers: nil, tenderers: nil, tenderPeriod: nil, techniques: nil)
        let award = OCDSAward(id: id, title: title, status: "active", date: OCDSDate.start(key.month.firstDay), value: value,
                              suppliers: suppliers.map(reference), contractPeriod: period)
        let contract = OCDSContract(id: id, awardID: id, title: title, description: description,
                                    status: key.month.lastDay < today ? "terminated" : "active", period: period, value: value)
        let related = OCDSRelatedProcess(id: "1", relationship: ["framework"], title: agreement?.title ?? key.agreement, identifier: parent)
        return release(ocid: ocid, date: min(key.month.lastDay, today), tag: ["award", "contract"], parties: [buyer] + suppliers, buyer: buyer,
                       planning: nil, tender: tender, awards: [award], contracts: [contract], related: [related])
    }

}
