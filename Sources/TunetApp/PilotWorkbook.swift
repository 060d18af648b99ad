import TunetDomain
import TunetSpreadsheet

/// A pilot evaluation (or a comparison of several) as a workbook with a chart of cost per attended
/// day against the day-centre reference.
public enum PilotWorkbook {
    static let headers = ["Pilot", "Kommune", "Deltakere", "Plasseringer", "Planlagte dager", "Møtt", "Fravær", "Oppmøte", "Brukt",
                          "Kostnad per oppmøtedag", "Dagsenter (referanse)", "Kostnad mot dagsenter"]

    public static func write(_ evaluations: [PilotEvaluation], to path: String) throws {
        try OutputPath.check(path)
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet("Evaluering")
        try sheet.write(row: 0, headers.map { .text($0) }, style: .header)
        var row = 1
        for evaluation in evaluations {
            for figures in evaluation.municipalities + [evaluation.total] {
                let name = figures.municipality == "all" ? "Alle" : Municipality.named(figures.municipality)?.description ?? figures.municipality
                try sheet.write(row: row, [
                    .text(evaluation.pilot.name), .text(name), .integer(figures.participants), .integer(figures.placements),
                    .integer(figures.plannedDays), .integer(figures.presentDays), .integer(figures.absentDays),
                    rowValue(figures, 7), .money(figures.spent),
                    figures.costPerAttendedDay.map { .money($0) } ?? .blank, figures.referencePrice.map { .money($0) } ?? .blank,
                    rowValue(figures, 11),
                ])
                for column in [7, 11] { try sheet.write(row, column, rowValue(figures, column), style: XLSXStyle(numberFormat: "0.0%")) }
                row += 1
            }
        }
        try sheet.setColumns(0, 1, width: 26)
        try sheet.setColumns(2, 11, width: 14)
        sheet.freezePanes(row: 1, column: 2)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(row - 1, 1), lastColumn: headers.count - 1)
        if row > 1 {
            try sheet.insertChart(.column, title: "Kostnad per oppmøtedag mot dagsenter", source: "Evaluering", rows: 1...(row - 1), categoryColumn: 1,
                                  series: [("Kostnad per oppmøtedag", 9), ("Dagsenter (referanse)", 10)], at: row + 2, 1)
        }
        let measures = try workbook.addSheet("Målinger")
        try measures.write(row: 0, ["Pilot", "Kommune", "Fra", "Til", "Måling", "Verdi", "Enhet", "n", "Kilde"].map { .text($0) }, style: .header)
        var line = 1
        for evaluation in evaluations {
            for measure in evaluation.measures {
                try measures.write(row: line, [.text(evaluation.pilot.name), .text(measure.municipalityNumber), .date(measure.from), .date(measure.to),
                                               .text(measure.name), .number(Double(measure.valueTenths) / 10), .text(measure.unit.rawValue),
                                               .integer(measure.n), .text(measure.source)])
                line += 1
            }
        }
        try measures.setColumns(0, 8, width: 16)
        try workbook.close()
    }

    static func rowValue(_ figures: MunicipalityFigures, _ column: Int) -> XLSXCell {
        let share = column == 7 ? figures.attendanceRate : figures.costRatio
        return share.map { .number($0.ratio) } ?? .blank
    }
}
