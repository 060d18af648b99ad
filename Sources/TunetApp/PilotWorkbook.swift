import TunetDomain
import TunetSpreadsheet
import TunetText

/// A pilot evaluation (or a comparison of several) as a workbook with a chart of cost per attended
/// day against the day-centre reference, in the reader's language.
public enum PilotWorkbook {
    public static func write(_ evaluations: [PilotEvaluation], to path: String, language: Language = .standard) throws {
        try OutputPath.check(path)
        let texts = Texts(language)
        let headers = [
            texts("pilot.workbook.pilot"), texts("pilot.workbook.municipality"), texts("pilot.workbook.participants"),
            texts("pilot.workbook.placements"), texts("pilot.workbook.planned_days"), texts("pilot.workbook.present"),
            texts("pilot.workbook.absent"), texts("pilot.workbook.attendance"), texts("pilot.workbook.spent"),
            texts("pilot.workbook.cost_per_day"), texts("pilot.workbook.reference"), texts("pilot.workbook.cost_ratio"),
        ]
        let workbook = try XLSXWorkbook(path: path)
        let evaluationSheet = texts("pilot.workbook.evaluation_sheet")
        let sheet = try workbook.addSheet(evaluationSheet)
        try sheet.write(row: 0, headers.map { .text($0) }, style: .header)
        var row = 1
        for evaluation in evaluations {
            for figures in evaluation.municipalities + [evaluation.total] {
                let name = figures.municipality == "all" ? texts("pilot.workbook.all")
                    : Municipality.named(figures.municipality)?.description ?? figures.municipality
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
            try sheet.insertChart(.column, title: texts("pilot.workbook.chart"), source: evaluationSheet, rows: 1...(row - 1), categoryColumn: 1,
                                  series: [(headers[9], 9), (headers[10], 10)], at: row + 2, 1)
        }
        let measures = try workbook.addSheet(texts("pilot.workbook.measures_sheet"))
        try measures.write(row: 0, [
            texts("pilot.workbook.pilot"), texts("pilot.workbook.municipality"), texts("pilot.workbook.from"), texts("pilot.workbook.to"),
            texts("pilot.workbook.measure"), texts("pilot.workbook.value"), texts("pilot.workbook.unit"), texts("pilot.workbook.n"),
            texts("pilot.workbook.source"),
        ].map { .text($0) }, style: .header)
        var line = 1
        for evaluation in evaluations {
            for measure in evaluation.measures {
                try measures.write(row: line, [.text(evaluation.pilot.name), .text(measure.municipalityNumber), .date(measure.from), .date(measure.to),
                                               .text(measure.name), .number(Double(measure.valueTenths) / 10), .text(texts.render(measure.unit.label)),
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
