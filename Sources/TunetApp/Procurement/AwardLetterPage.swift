import TunetDomain
import TunetText

/// An award letter as a self-contained HTML page that prints on A4: every bidder's e-mail client and
/// browser opens it, and "print to PDF" makes the document for the case file, with no program on the
/// server. Every text comes from the catalogue, in the language asked for.
enum AwardLetterPage {
    static func html(_ letter: AwardLetter, texts: Texts) -> String {
        let procurement = letter.procurement
        let senders = procurement.municipalities.map { number in
            texts("letter.sender", ["name": .text(Municipality.named(number)?.name ?? number)])
        }
        var body = ""
        body += "<header>\n<p class=\"sender\">\(escaped(texts.list(senders)))</p>\n"
        body += "<p class=\"date\">\(escaped(texts("letter.date", ["date": .date(letter.award.noticeDate)])))</p>\n</header>\n"
        body += "<address>\(escaped(letter.bidder.name))<br>\(escaped(texts("letter.organisation_number", ["number": .text(letter.bidder.organisationNumber.formatted)])))"
        if let address = letter.bidder.address { body += "<br>\(escaped(address))" }
        body += "</address>\n"
        body += "<h1>\(escaped(texts("letter.title")))</h1>\n"
        body += "<p class=\"subject\">\(escaped(texts("letter.subject", ["id": .integer(procurement.id), "title": .text(procurement.title)])))</p>\n"
        body += paragraph(texts("letter.intro", [
            "received": .date(letter.receivedOn), "title": .text(procurement.title), "tenders": .integer(Int64(letter.tenderCount)),
        ]))
        body += "<ul class=\"winners\">\n" + letter.winners.map { winner in
            "<li>\(escaped(texts("letter.winner", ["name": .text(winner.name), "number": .text(winner.organisationNumber.formatted), "rank": .integer(Int64(winner.awardRank ?? 1)), "total": .text(texts.thousandths(winner.evaluation.totalMilli))])))</li>\n"
        }.joined() + "</ul>\n"
        body += paragraph(texts(letter.isWinner ? "letter.result.won" : "letter.result.lost", [
            "rank": .integer(Int64(letter.bidder.evaluation.rank)), "tenders": .integer(Int64(letter.tenderCount)),
            "total": .text(texts.thousandths(letter.bidder.evaluation.totalMilli)),
        ]))
        body += pointsTable(letter, texts: texts)
        body += reasons(letter, texts: texts)
        body += "<h2>\(escaped(texts("letter.standstill.heading")))</h2>\n" + paragraph(standstill(letter, texts: texts))
        body += "<p class=\"regards\">\(escaped(texts("letter.regards")))<br>\(escaped(texts.list(senders)))</p>\n"
        let title = texts("letter.title") + " – " + texts("letter.subject", ["id": .integer(procurement.id), "title": .text(procurement.title)])
        return """
            <!DOCTYPE html>
            <html lang="\(texts.language == .nb ? "nb" : "en")">
            <head>
            <meta charset="utf-8">
            <title>\(escaped(title))</title>
            <style>
            @page { size: A4; margin: 25mm 22mm; }
            body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.4; color: #000; max-width: 166mm; margin: 2em auto; }
            header { display: flex; justify-content: space-between; }
            address { font-style: normal; margin: 2em 0; }
            h1 { font-size: 16pt; margin: 1.5em 0 0.2em; }
            h2 { font-size: 12pt; margin: 1.4em 0 0.4em; }
            .subject { font-weight: bold; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: 0.6em 0; page-break-inside: avoid; }
            th, td { border: 1px solid #555; padding: 2pt 6pt; text-align: left; vertical-align: top; }
            td.number, th.number { text-align: right; white-space: nowrap; }
            tr.own td { font-weight: bold; }
            .regards { margin-top: 2.5em; }
            @media print { body { margin: 0; max-width: none; } }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// The criteria with their weights, the bidder's points and each winner's, and the totals.
    static func pointsTable(_ letter: AwardLetter, texts: Texts) -> String {
        let others = letter.winners.filter { $0.organisationNumber != letter.bidder.organisationNumber }
        var html = "<h2>\(escaped(texts("letter.points.heading")))</h2>\n<table>\n<thead><tr><th>\(escaped(texts("letter.points.criterion")))</th>"
        html += "<th class=\"number\">\(escaped(texts("letter.points.weight")))</th><th class=\"number\">\(escaped(texts("letter.points.yours")))</th>"
        html += others.map { "<th class=\"number\">\(escaped($0.name))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for criterion in letter.procurement.criteria {
            html += "<tr><td>\(escaped(criterion.name))</td><td class=\"number\">\(escaped(texts("letter.points.weight_value", ["weight": .integer(Int64(criterion.weight))])))</td>"
            html += "<td class=\"number\">\(texts.thousandths(letter.bidder.evaluation.pointsMilli[criterion.name] ?? 0))</td>"
            html += others.map { "<td class=\"number\">\(texts.thousandths($0.evaluation.pointsMilli[criterion.name] ?? 0))</td>" }.joined() + "</tr>\n"
        }
        html += "<tr class=\"own\"><td>\(escaped(texts("letter.points.total")))</td><td></td><td class=\"number\">\(texts.thousandths(letter.bidder.evaluation.totalMilli))</td>"
        html += others.map { "<td class=\"number\">\(texts.thousandths($0.evaluation.totalMilli))</td>" }.joined() + "</tr>\n"
        html += "<tr><td>\(escaped(texts("letter.points.rank")))</td><td></td><td class=\"number\">\(letter.bidder.evaluation.rank)</td>"
        html += others.map { "<td class=\"number\">\($0.evaluation.rank)</td>" }.joined() + "</tr>\n</tbody>\n</table>\n"
        return html + paragraph(texts("letter.points.note"))
    }

    /// The winners' characteristics and relative advantages, criterion by criterion.
    static func reasons(_ letter: AwardLetter, texts: Texts) -> String {
        var html = "<h2>\(escaped(texts("letter.reasons.heading")))</h2>\n"
        func listed(_ items: [(criterion: String, weightedMilli: Int64)]) -> MessageValue {
            .text(texts.list(items.map { texts("letter.reasons.criterion", ["criterion": .text($0.criterion), "points": .text(texts.thousandths($0.weightedMilli))]) }))
        }
        let comparisons = letter.comparisons
        if comparisons.isEmpty {
            return html + paragraph(texts("letter.reasons.sole_winner", ["total": .text(texts.thousandths(letter.bidder.evaluation.totalMilli))]))
        }
        for comparison in comparisons {
            let arguments: [String: MessageValue] = [
                "winner": .text(comparison.winner.name), "winner_total": .text(texts.thousandths(comparison.winner.evaluation.totalMilli)),
                "own_total": .text(texts.thousandths(letter.bidder.evaluation.totalMilli)),
                "difference": .text(texts.thousandths(abs(comparison.totalDifference))),
            ]
            let key = comparison.totalDifference > 0 ? "letter.reasons.ahead"
                : comparison.totalDifference == 0 ? "letter.reasons.equal"
                : letter.isWinner ? "letter.reasons.behind" : "letter.reasons.behind_chosen"
            var sentences = [texts(key, arguments)]
            if !comparison.winnerAhead.isEmpty { sentences.append(texts("letter.reasons.winner_better", ["winner": .text(comparison.winner.name), "criteria": listed(comparison.winnerAhead)])) }
            if !comparison.bidderAhead.isEmpty { sentences.append(texts("letter.reasons.yours_better", ["criteria": listed(comparison.bidderAhead)])) }
            if comparison.totalDifference == 0, let tieBreak = comparison.winner.evaluation.tieBreak ?? letter.bidder.evaluation.tieBreak {
                sentences.append(texts("letter.reasons.tie_break", ["rule": .message(tieBreak.message)]))
            }
            html += paragraph(sentences.joined(separator: " "))
        }
        return html
    }

    static func standstill(_ letter: AwardLetter, texts: Texts) -> String {
        let award = letter.award
        guard let end = award.standstillEnd else {
            return texts("letter.standstill.none", ["rules": letter.classification.regime.labelValue, "from": .date(award.mayConcludeFrom)])
        }
        return texts(award.standstillVoluntary ? "letter.standstill.voluntary" : "letter.standstill.required",
                     ["end": .date(end), "from": .date(award.mayConcludeFrom)])
    }

    static func paragraph(_ text: String) -> String { "<p>\(escaped(text))</p>\n" }

    /// Text as HTML reads it back: the five characters with a meaning in markup written as references.
    static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
