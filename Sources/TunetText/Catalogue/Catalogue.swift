/// The catalogues, one per language: every sentence and label a person reads, by key. Each language's
/// catalogue is written in one file per area (`nb/Agreements.nb.swift`, `en/Agreements.en.swift`), so that a
/// sentence and its translation are found side by side; a key belongs to exactly one area.
extension Catalogue {
    static let nbAreas: [String: [String: String]] = [
        "Common": nbCommon,
        "Rules": nbRules,
        "Files": nbFiles,
        "Providers": nbProviders,
        "Procurement": nbProcurement,
        "Agreements": nbAgreements,
        "Placements": nbPlacements,
        "Attendance": nbAttendance,
        "Service": nbService,
        "Tasks": nbTasks,
        "Pilots": nbPilots,
        "Reports": nbReports,
        "Administration": nbAdministration,
        "Pages": nbPages,
        "Letters": nbLetters,
        "Journeys": nbJourneys,
        "Invoices": nbInvoices,
        "HelpShell": nbHelpShell,
        "Help": nbHelp,
        "HelpProviders": nbHelpProviders,
        "HelpProcurement": nbHelpProcurement,
        "HelpAgreements": nbHelpAgreements,
        "HelpPlacements": nbHelpPlacements,
        "HelpWorkTeam": nbHelpWorkTeam,
        "HelpPilots": nbHelpPilots,
        "HelpReports": nbHelpReports,
        "HelpAdministration": nbHelpAdministration,
    ]

    static let enAreas: [String: [String: String]] = [
        "Common": enCommon,
        "Rules": enRules,
        "Files": enFiles,
        "Providers": enProviders,
        "Procurement": enProcurement,
        "Agreements": enAgreements,
        "Placements": enPlacements,
        "Attendance": enAttendance,
        "Service": enService,
        "Tasks": enTasks,
        "Pilots": enPilots,
        "Reports": enReports,
        "Administration": enAdministration,
        "Pages": enPages,
        "Letters": enLetters,
        "Journeys": enJourneys,
        "Invoices": enInvoices,
        "HelpShell": enHelpShell,
        "Help": enHelp,
        "HelpProviders": enHelpProviders,
        "HelpProcurement": enHelpProcurement,
        "HelpAgreements": enHelpAgreements,
        "HelpPlacements": enHelpPlacements,
        "HelpWorkTeam": enHelpWorkTeam,
        "HelpPilots": enHelpPilots,
        "HelpReports": enHelpReports,
        "HelpAdministration": enHelpAdministration,
    ]

    static let nb = merged(nbAreas)
    static let en = merged(enAreas)

    /// One table of every area's texts, made as a command starts: room for all of them at once, since
    /// growing the table area by area rehashed every text already in it.
    static func merged(_ areas: [String: [String: String]]) -> [String: String] {
        var table: [String: String] = [:]
        table.reserveCapacity(areas.values.reduce(0) { $0 + $1.count })
        for area in areas.values { table.merge(area) { first, _ in first } }
        return table
    }

    /// Keys written in more than one area of a language (which would make one of them unreachable).
    static func keysInSeveralAreas(_ language: Language) -> [String] {
        let areas = language == .nb ? nbAreas : enAreas
        var seen: [String: Int] = [:]
        for area in areas.values { for key in area.keys { seen[key, default: 0] += 1 } }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }
}
