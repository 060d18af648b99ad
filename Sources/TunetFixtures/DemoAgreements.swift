import Foundation
import TunetApp
import TunetDomain
import TunetStorage

extension DemoScenario {
    /// The Nordland pupil pilot's competition, run through the same steps a work team takes, each
    /// on the day it happened: created ten months ago, concluded after the standstill period.
    static func runNordlandCompetition(_ context: TunetContext) throws {
        let today = context.today
        func desk(_ daysAgo: Int) -> ProcurementDesk {
            ProcurementDesk(TunetContext(store: context.store, actor: context.actor, today: today.adding(days: -daysAgo)))
        }
        let deadline = today.adding(days: -270)
        let created = try desk(300).create(
            title: "Inn på tunet for elever i Nordland", targetGroups: "pupils",
            municipalities: ["1804", "1837", "1865", "1866", "1870"], estimatedValue: "3200000")
        let id = created.procurement.id
        _ = try desk(300).setCriteria(id, criteria: ["Pris:40:price", "Kvalitet:35", "Faglig opplegg:25"],
                                      priceLines: ["full_day:day:2000", "transport:trip:800"], deadline: deadline.iso)
        _ = try desk(299).open(id)
        let tenders: [(prefix: Int, fullDay: String, transport: String, quality: Int, plan: Int, daysAgo: Int)] = [
            (92_345_610, "1200", "300", 8, 7, 275),
            (92_345_620, "1150", "350", 7, 8, 272),
            (92_345_630, "1300", "250", 9, 9, 271),
            (92_345_640, "1100", "400", 5, 6, 270),
        ]
        for tender in tenders {
            _ = try desk(tender.daysAgo).tender(
                id, provider: organisationNumber(from: tender.prefix).digits,
                prices: ["full_day=\(tender.fullDay)", "transport=\(tender.transport)"],
                scores: ["Kvalitet=\(tender.quality)", "Faglig opplegg=\(tender.plan)"])
        }
        _ = try desk(265).evaluate(id)
        _ = try desk(258).award(id, winners: [], count: 3, noticeDate: nil, electronically: true)
        let start = today.adding(days: -230)
        let end = start.adding(years: 2).adding(days: -1)
        var terms = AgreementForm()
        terms.reference = "\(today.year - 1)/310"
        terms.start = start.iso
        terms.end = end.iso
        terms.options = ["12:\(end.adding(months: -3).iso)"]
        terms.maximumValue = "3500000"
        terms.callOffMethod = "ranking"
        terms.absenceRule = "present_only"
        terms.kpiBaseMonth = YearMonth(year: today.year - 1, month: 10)!.ssb
        terms.kpiIndexMonth = "10"
        _ = try desk(240).conclude(id, terms: terms)
    }

    /// October values for the KPI clause, rising about 2.5 % a year. Illustrative, not official figures.
    static func illustrativeIndex(today: LocalDate) -> [(YearMonth, IndexValue)] {
        (0...3).map { step in
            (YearMonth(year: today.year - 3 + step, month: 10)!, IndexValue(tenths: 1330 + Int64(step) * 34))
        }
    }

    /// The Oslo and Viken dementia pilot's joint agreement: five municipalities, one farm in each,
    /// allocation by the criteria written in the agreement.
    static func dementiaPilotAgreement(today: LocalDate) throws -> Agreement {
        let farmsByMunicipality = ["3316", "3326", "3107", "3222", "0301"].compactMap { number in
            farms.first { $0.municipality == number }.map { organisationNumber(from: $0.prefix) }
        }
        var form = AgreementForm()
        form.reference = "\(today.year - 1)/DAG-77"
        form.title = "Dagaktivitet på gård for hjemmeboende med demens, Oslo og Viken"
        form.municipalities = ["3316", "3326", "3107", "3222", "0301"]
        form.parties = farmsByMunicipality.map(\.digits)
        form.targetGroups = "dementia"
        form.start = "\(today.year - 1)-01-01"
        form.end = "\(today.year + 1)-12-31"
        form.options = ["12:\(today.year + 1)-06-30"]
        form.estimatedValue = "12000000"
        form.maximumValue = "14000000"
        form.callOffMethod = "criteria"
        form.allocationCriteria = "Gården nærmest deltakerens hjem målt i reisetid; ved lik reisetid deltakerens eget ønske"
        form.absenceRule = "bill_unannounced_absence"
        // The farms drive the participants themselves: a trip is billed on a day the farm may bill.
        form.transportBilling = "billable_days"
        form.prices = farmsByMunicipality.flatMap { ["\($0.digits):full_day:day:1150", "\($0.digits):transport:trip:300"] }
        return try form.agreement().0
    }

    /// Kongsberg's agreement with its six farms, registered directly as an existing agreement:
    /// two years from 1 January two years ago, two one-year options (the first exercised), a ranked
    /// cascade and yearly KPI adjustment from October's index. As the seeds tell it, Kongsberg buys 14
    /// places for education and 13 for health and care, and may call off extra places beyond them.
    static func kongsbergAgreement(today: LocalDate) throws -> Agreement {
        let firstYear = today.year - 2
        let kongsberg = farms.filter { $0.municipality == "3303" }.map { organisationNumber(from: $0.prefix) }
        let dayPrices = ["1250", "1190", "1300", "1225", "1180", "1275"]
        var form = AgreementForm()
        form.reference = "\(firstYear - 1)/4512"
        form.title = "Inn på tunet Kongsberg: skole og dagaktivitet"
        form.municipalities = ["3303"]
        form.parties = kongsberg.enumerated().map { "\($1.digits):\($0 + 1)" }
        form.targetGroups = "pupils,dementia"
        form.start = "\(firstYear)-01-01"
        form.end = "\(firstYear + 1)-12-31"
        form.options = ["12:\(firstYear + 1)-09-30", "12:\(firstYear + 2)-09-30"]
        form.estimatedValue = "24000000"
        form.maximumValue = "28000000"
        form.maximumParticipantDays = "21000"
        form.callOffMethod = "ranking"
        form.absenceRule = "bill_unannounced_absence"
        form.prices = zip(kongsberg, dayPrices).flatMap { number, price in
            ["\(number.digits):full_day:day:\(price)", "\(number.digits):half_day:half_day:\(Int(price)! / 2 + 50)",
             "\(number.digits):transport:trip:350"]
        }
        form.kpiBaseMonth = "\(firstYear - 1)M10"
        form.kpiIndexMonth = "10"
        let (lia, haugen, skrubbmoen, jondal, aas, bergsetra) = (kongsberg[0], kongsberg[1], kongsberg[2], kongsberg[3], kongsberg[4], kongsberg[5])
        form.boughtPlaces = [
            "\(lia.digits):pupils:4", "\(skrubbmoen.digits):pupils:3:tue,thu", "\(jondal.digits):pupils:5", "\(bergsetra.digits):pupils:2:wed",
            "\(haugen.digits):dementia:6", "\(aas.digits):dementia:4", "\(lia.digits):dementia:2", "\(jondal.digits):dementia:1",
        ]
        form.allowsExtraPlaces = true
        var (agreement, _) = try form.agreement()
        agreement.options[0].exercisedOn = LocalDate(year: firstYear + 1, month: 9, day: 12)
        return agreement
    }
}
