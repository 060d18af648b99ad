import TunetApp
import TunetDomain
import TunetText

/// The page where a farm sends its attendance file with its token, and the page that says what came of
/// it: plain HTML forms posted to `/`, written on the server in the reader's language (bokmål unless
/// English is asked for), with no script. Programs use the same use cases through `/v1/attendance`.
enum UploadPage {
    /// The form: send a file, or download the month's template.
    static func form(_ texts: Texts) -> String {
        let language = texts.language.rawValue
        let other: Language = texts.language == .nb ? .en : .nb
        return page(texts, title: texts("service.page.title"), body: """
            <h1>\(escape(texts("service.page.heading")))</h1>
            <p>\(escape(texts("service.page.intro")))</p>
            <form method="post" action="/" enctype="multipart/form-data">
            <input type="hidden" name="lang" value="\(language)"><input type="hidden" name="action" value="upload">
            <label for="token">\(escape(texts("service.page.token")))</label>
            <input id="token" name="token" type="password" size="72" required autocomplete="off">
            <label for="file">\(escape(texts("service.page.file")))</label>
            <input id="file" name="file" type="file" accept=".csv,.xlsx" required>
            <p><input id="again" name="again" type="checkbox" value="ja"> <label for="again">\(escape(texts("service.page.again")))</label></p>
            <p><button type="submit">\(escape(texts("service.page.send")))</button></p>
            </form>
            <h2>\(escape(texts("service.page.template_heading")))</h2>
            <p>\(escape(texts("service.page.template_intro")))</p>
            <form method="post" action="/" enctype="multipart/form-data">
            <input type="hidden" name="lang" value="\(language)"><input type="hidden" name="action" value="template">
            <label for="template-token">\(escape(texts("service.page.token")))</label>
            <input id="template-token" name="token" type="password" size="72" required autocomplete="off">
            <label for="month">\(escape(texts("service.page.month")))</label>
            <input id="month" name="month" type="month" required pattern="[0-9]{4}-[0-9]{2}">
            <p><button type="submit">\(escape(texts("service.page.download")))</button></p>
            </form>
            <p class="note">\(escape(texts("service.page.scripts")))</p>
            <p><a href="/?lang=\(other.rawValue)" hreflang="\(other.rawValue)" lang="\(other.rawValue)">\(escape(texts("service.page.other_language")))</a></p>
            """)
    }

    /// A file taken in (or recognised as sent before): what the import did, as the CLI says it.
    static func received(_ report: AttendanceImportView, _ texts: Texts) -> String {
        let heading = texts(report.identicalTo == nil ? "service.result.received"
                            : report.outcome == "superseded" ? "service.result.superseded" : "service.result.unchanged")
        var sentences = AttendanceImportSentences.lines(report)
        if report.outcome == "superseded" { sentences.append(Message("service.result.apply_again")) }
        let lines = sentences.map { "<p>\(escape(texts.render($0)))</p>" }.joined(separator: "\n")
        return page(texts, title: heading, body: "<h1 class=\"ok\">\(escape(heading))</h1>\n\(lines)\n\(back(texts))")
    }

    /// A file or form refused: each refused row with its column and why, or what went wrong.
    static func refused(_ problem: Problem, _ texts: Texts) -> String {
        guard !problem.problems.isEmpty else {
            let title = texts("http.title.\(problem.code)")
            return page(texts, title: title, body: "<h1 class=\"refused\">\(escape(title))</h1>\n<p>\(escape(texts.render(problem.detail)))</p>\n\(back(texts))")
        }
        let heading = texts("service.result.refused")
        let columns = ["row", "field", "value", "reason"].map { "<th>\(escape(texts("service.result.column.\($0)")))</th>" }.joined()
        let rows = problem.problems.map { row in
            "<tr><td class=\"number\">\(row.row.map(String.init) ?? "–")</td><td>\(escape(AttendanceTemplateDesk.columnName(row.field, texts)))</td>"
                + "<td>\(escape(row.value ?? ""))</td><td>\(escape(texts.render(row.reason)))</td></tr>"
        }.joined(separator: "\n")
        let notShown = problem.notShown.isEmpty ? "" : "<p>\(escape(texts.render(problem.notShown.message)))</p>\n"
        return page(texts, title: heading, body: """
            <h1 class="refused">\(escape(heading))</h1>
            <p>\(escape(texts("service.result.refused_intro", ["count": .integer(problem.problems.count + problem.notShown.total)])))</p>
            <table>
            <thead><tr>\(columns)</tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            \(notShown)\(back(texts))
            """)
    }

    private static func back(_ texts: Texts) -> String {
        "<p><a href=\"/?lang=\(texts.language.rawValue)\">\(escape(texts("service.page.back")))</a></p>"
    }

    private static func page(_ texts: Texts, title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(texts.language.rawValue)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;max-width:48em;margin:2em auto;padding:0 1em}label{display:block;margin:1em 0 .3em}\
        table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}\
        td.number{text-align:right}.ok{color:#1d6b2f}.refused{color:#a4262c}.note{color:#555;font-size:.9em}</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// Text placed in HTML: what a farm's file or a reason holds is never markup.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
