import Foundation
import Testing
import TunetFiles
@testable import TunetHTTP

/// A form as a browser posts it: the upload page's fields and, when given, a file.
func formBody(_ fields: [(String, String)], file: (name: String, data: Data)? = nil) -> (body: Data, type: String) {
    let boundary = "----TunetFormBoundary7MA4YWxk"
    var body = Data()
    for (name, value) in fields {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }
    if let file {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8))
        body.append(file.data)
        body.append(Data("\r\n".utf8))
    }
    body.append(Data("--\(boundary)--\r\n".utf8))
    return (body, "multipart/form-data; boundary=\(boundary)")
}

/// Lia gård's P-2026-0101 is planned on Mondays in May and June 2026; the server's today is 10 June 2026.
@Suite("The upload page: plain forms posted to /, answered with a page in bokmål or English")
struct UploadPageTests {
    func post(_ service: RunningService, _ fields: [(String, String)], file: (name: String, data: Data)? = nil,
              headers: [String: String] = [:]) async throws -> (status: Int, html: String, headers: [AnyHashable: Any]) {
        let form = formBody(fields, file: file)
        let result = try await service.request("POST", "/", body: form.body, type: form.type, headers: headers)
        return (result.status, String(decoding: result.data, as: UTF8.self), result.headers)
    }

    @Test("The page at / is a form in bokmål without script; English by Accept-Language or ?lang=en")
    func form() async throws {
        let service = try await RunningService()
        let page = try await service.request("GET", "/")
        let html = String(decoding: page.data, as: UTF8.self)
        #expect(page.status == 200)
        #expect(page.headers["Content-Language"] as? String == "nb")
        #expect(html.contains("<html lang=\"nb\">"))
        #expect(html.contains("<h1>Send oppmøteliste</h1>"))
        #expect(html.contains("<form method=\"post\" action=\"/\" enctype=\"multipart/form-data\">"))
        #expect(html.contains("<input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,.xlsx\" required>"))
        #expect(html.contains("<button type=\"submit\">Last ned mal</button>"))
        #expect(!html.contains("<script"))
        let english = String(decoding: try await service.request("GET", "/", headers: ["Accept-Language": "en-GB,en;q=0.9"]).data, as: UTF8.self)
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("<h1>Send an attendance list</h1>"))
        #expect(english.contains("<a href=\"/?lang=nb\" hreflang=\"nb\" lang=\"nb\">Norsk (bokmål)</a>"))
        let chosen = String(decoding: try await service.request("GET", "/?lang=en").data, as: UTF8.self)
        #expect(chosen.contains("<h1>Send an attendance list</h1>"))
        await service.stop()
    }

    @Test("A file sent from the page is imported and the page says what was stored; the same file again changes nothing")
    func received() async throws {
        let service = try await RunningService()
        let sent = try await post(service, [("lang", "nb"), ("action", "upload"), ("token", service.lia)], file: ("mai.csv", mayCSV))
        #expect(sent.status == 201, "\(sent.html)")
        #expect(sent.headers["Content-Type"] as? String == "text/html; charset=utf-8")
        #expect(sent.html.contains("<h1 class=\"ok\">Oppmøtelisten er tatt imot</h1>"))
        #expect(sent.html.contains("<p>Importerte 2 rader fra mai.csv for 974760673 (mai 2026): 2 nye, 0 endret, 0 uendret.</p>"))
        #expect(try service.attendanceCount() == 1)
        let again = try await post(service, [("lang", "nb"), ("action", "upload"), ("token", service.lia)], file: ("mai.csv", mayCSV))
        #expect(again.status == 200)
        #expect(again.html.contains("<h1 class=\"ok\">Denne filen er sendt før</h1>"))
        #expect(again.html.contains("<p>mai.csv er identisk med innsending 1 (samme innhold); ingenting ble endret.</p>"))
        // One row, in English as the form asks; a row left empty is said to stay missing.
        let june = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;01.06.2026;M\n974760673;P-2026-0101;08.06.2026;\n".utf8)
        let english = try await post(service, [("lang", "en"), ("action", "upload"), ("token", service.lia)], file: ("june.csv", june))
        #expect(english.status == 201)
        #expect(english.html.contains("<p>Imported 1 row from june.csv for 974760673 (June 2026): 1 new, 0 changed, 0 unchanged.</p>"))
        #expect(english.html.contains("<p>1 row was left empty (no status): its day is not reported and counts as missing.</p>"))
        await service.stop()
    }

    @Test("Refused rows are listed with row, column and reason in bokmål, nothing is stored, and a file's text is never markup")
    func refused() async throws {
        let service = try await RunningService()
        let twice = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;04.05.2026;M\n974760673;P-2026-0101;04.05.2026;FM\n974760673;P-2026-0101;11.05.2026;M\n974760673;P-2026-0101;11.05.2026;M\n".utf8)
        let refused = try await post(service, [("action", "upload"), ("token", service.lia)], file: ("<b>mai</b>.csv", twice))
        #expect(refused.status == 422)
        #expect(refused.html.contains("<h1 class=\"refused\">Filen ble ikke tatt imot</h1>"))
        #expect(refused.html.contains("<p>Ingenting ble lagret: filen har 2 feil. Rett dem og send hele filen på nytt.</p>"))
        #expect(refused.html.contains("<thead><tr><th>Rad</th><th>Felt</th><th>Verdi</th><th>Årsak</th></tr></thead>"))
        #expect(refused.html.contains("<tr><td class=\"number\">3</td><td>Dato</td><td>2026-05-04</td><td>P-2026-0101 04.05.2026 står også på rad 2</td></tr>"))
        #expect(refused.html.contains("<tr><td class=\"number\">5</td><td>Dato</td><td>2026-05-11</td><td>P-2026-0101 11.05.2026 står også på rad 4</td></tr>"))
        #expect(try service.attendanceCount() == 0)

        let english = try await post(service, [("action", "upload"), ("token", service.lia)], file: ("mai.csv", twice),
                                     headers: ["Accept-Language": "en"])
        #expect(english.html.contains("<p>Nothing was stored: the file has 2 problems. Correct them and send the whole file again.</p>"))
        #expect(english.html.contains("<tr><td class=\"number\">3</td><td>Date</td><td>2026-05-04</td><td>P-2026-0101 on 2026-05-04 is also on row 2</td></tr>"))

        let strange = Data("orgnr;deltaker;dato;status\n974760673;<script>alert(1)</script>;04.05.2026;M\n".utf8)
        let escaped = try await post(service, [("action", "upload"), ("token", service.lia)], file: ("x.csv", strange))
        #expect(escaped.status == 422)
        #expect(!escaped.html.contains("<script>"))
        #expect(escaped.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))

        let noFile = try await post(service, [("action", "upload"), ("token", service.lia)])
        #expect(noFile.status == 422)
        #expect(noFile.html.contains("<td>file</td><td></td><td>Velg en fil før du sender.</td>"))
        let wrongToken = try await post(service, [("action", "upload"), ("token", "tunet_" + String(repeating: "a", count: 64))], file: ("mai.csv", mayCSV))
        #expect(wrongToken.status == 401)
        #expect(wrongToken.html.contains("<h1 class=\"refused\">Ikke pålogget</h1>"))
        let leader = try await post(service, [("action", "upload"), ("token", service.leader)], file: ("mai.csv", mayCSV))
        #expect(leader.status == 403)
        #expect(leader.html.contains("<p>Dette endepunktet er for gårdene; en prosjektleders nøkkel kan ikke brukes her.</p>"))
        let notAForm = try await service.request("POST", "/", body: mayCSV)
        #expect(notAForm.status == 415)
        #expect(String(decoding: notAForm.data, as: UTF8.self).contains("<h1 class=\"refused\">Filtypen støttes ikke</h1>"))
        #expect(try service.attendanceCount() == 0)
        await service.stop()
    }

    @Test("The template form downloads the month's workbook in the page's language")
    func template() async throws {
        let service = try await RunningService()
        let form = formBody([("lang", "en"), ("action", "template"), ("token", service.lia), ("month", "2026-05")])
        let workbook = try await service.request("POST", "/", body: form.body, type: form.type)
        #expect(workbook.status == 200)
        #expect(workbook.data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(workbook.headers["Content-Disposition"] as? String == "attachment; filename=\"oppmote-974760673-2026-05.xlsx\"")
        #expect(try XLSXReader(data: workbook.data, name: "template.xlsx").sheetNames == ["Attendance", "Instructions"])
        let noMonth = try await post(service, [("action", "template"), ("token", service.lia), ("month", "")])
        #expect(noMonth.status == 422)
        #expect(noMonth.html.contains("Velg en måned."))
        await service.stop()
    }

    @Test("A form body is read part by part, with quoted names, a file's path cut to its name, and bytes kept as sent")
    func multipart() throws {
        let bytes = Data([0x50, 0x4B, 0x03, 0x04, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF])
        let body = Data("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\ntunet_x\r\n--b\r\ncontent-disposition: form-data; name=\"file\"; filename=\"C:\\mapper\\mai; mars.xlsx\"\r\n\r\n".utf8)
            + bytes + Data("\r\n--b--\r\n".utf8)
        let form = try #require(MultipartForm(body: body, contentType: "multipart/form-data; boundary=\"b\""))
        #expect(form.text("token") == "tunet_x")
        #expect(form.file("file")?.fileName == "mai; mars.xlsx")
        #expect(form.file("file")?.data == bytes)
        #expect(MultipartForm(body: body, contentType: "text/csv") == nil)
        #expect(MultipartForm(body: Data("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end".utf8), contentType: "multipart/form-data; boundary=b") == nil)
    }
}

@Suite("Problem documents in the reader's language")
struct ProblemLanguageTests {
    static let twice = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;04.05.2026;M\n974760673;P-2026-0101;04.05.2026;FM\n".utf8)

    @Test("A 422 is in bokmål without Accept-Language and in English with Accept-Language: en; field and type stay codes")
    func languages() async throws {
        let service = try await RunningService()
        let bokmal = try await service.request("POST", "/v1/attendance", token: service.lia, body: Self.twice)
        #expect(bokmal.status == 422)
        #expect(bokmal.headers["Content-Language"] as? String == "nb")
        let document = try service.json(bokmal.data)
        #expect(document["type"] as? String == "https://tunet.example/problems/invalidInput")
        #expect(document["title"] as? String == "Ugyldig innhold")
        #expect(document["detail"] as? String == "rad 3, dato: P-2026-0101 04.05.2026 står også på rad 2")
        let row = (document["problems"] as? [[String: Any]])?.first
        #expect(row?["row"] as? Int == 3)
        #expect(row?["field"] as? String == "date")
        #expect(row?["value"] as? String == "2026-05-04")
        #expect(row?["reason"] as? String == "P-2026-0101 04.05.2026 står også på rad 2")

        let english = try await service.request("POST", "/v1/attendance", token: service.lia, body: Self.twice, headers: ["Accept-Language": "en"])
        #expect(english.status == 422)
        #expect(english.headers["Content-Language"] as? String == "en")
        let translated = try service.json(english.data)
        #expect(translated["title"] as? String == "Invalid input")
        #expect(translated["detail"] as? String == "row 3, date: P-2026-0101 on 2026-05-04 is also on row 2")
        #expect((translated["problems"] as? [[String: Any]])?.first?["reason"] as? String == "P-2026-0101 on 2026-05-04 is also on row 2")
        #expect(try service.attendanceCount() == 0)

        let leader = try await service.request("GET", "/v1/placements", token: service.leader, headers: ["Accept-Language": "en"])
        #expect(leader.status == 403)
        #expect(try service.json(leader.data)["detail"] as? String == "This endpoint is for farms; a leader token cannot use it.")
        let noMonth = try await service.request("GET", "/v1/attendance/template", token: service.lia)
        #expect((try service.json(noMonth.data)["problems"] as? [[String: Any]])?.first?["reason"] as? String == "oppgi måneden som ?month=2026-03")
        await service.stop()
    }
}
