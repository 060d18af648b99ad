import Foundation
import Testing
@testable import TunetApp

/// Lia gård sends May (4 May M, 11 May FU: submission 1), corrects 4 May to FM (submission 2), then sends May again.
@Suite("The same file sent again after a correction")
struct ResentUploadTests {
    static let correction = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;04.05.2026;FM\n".utf8)

    func corrected() async throws -> RunningService {
        let service = try await RunningService()
        for (name, body) in [("mai.csv", mayCSV), ("rettelse.csv", Self.correction)] {
            let sent = try await service.request("POST", "/v1/attendance?filename=\(name)", token: service.lia, body: body)
            #expect(sent.status == 201)
        }
        return service
    }

    @Test("is answered 200 `superseded`, naming the differing day and the correction; `?again=true` imports it as a new submission (201)")
    func api() async throws {
        let service = try await corrected()
        let resent = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV)
        #expect(resent.status == 200)
        let report = try service.json(resent.data)
        #expect(report["status"] as? String == "superseded")
        #expect(report["identical_to_submission"] as? Int == 1)
        #expect(report["differing_days"] as? Int == 1)
        #expect(report["superseded_by"] as? [Int] == [2])
        let again = try await service.request("POST", "/v1/attendance?filename=mai.csv&again=true", token: service.lia, body: mayCSV)
        #expect(again.status == 201)
        let applied = try service.json(again.data)
        #expect(applied["status"] as? String == "imported")
        #expect(applied["submission"] as? Int == 3)
        #expect(applied["changed"] as? Int == 1 && applied["unchanged"] as? Int == 1)
        #expect(Set(applied.keys) == Set(report.keys))
        let submissions = try await service.request("GET", "/v1/submissions", token: service.lia)
        let list = try #require(try JSONSerialization.jsonObject(with: submissions.data) as? [[String: Any]])
        #expect(list.map { $0["applied_again_of"] as? Int } == [nil, nil, 1])
        await service.stop()
    }

    @Test("The month page says in bokmål what differs and how to apply it again, and a ticked «Bruk filen på nytt» imports it")
    func page() async throws {
        let service = try await corrected()
        let browser = PageBrowser(service.base)
        try await browser.signIn(service.lia)
        let month = try await browser.get("/gard/maned?maned=2026-05")
        #expect(month.html.contains("<input id=\"igjen\" name=\"again\" type=\"checkbox\" value=\"ja\">\n<label for=\"igjen\">Bruk filen på nytt"))
        func post(_ fields: [(String, String)]) async throws -> PageBrowser.Answer {
            let body = formBody([("skjemanokkel", PageBrowser.hidden("skjemanokkel", in: month.html) ?? ""), ("maned", "2026-05")] + fields,
                                file: ("mai.csv", mayCSV))
            return try await browser.send("POST", "/gard/opplasting", body: body.body, type: body.type)
        }
        let resent = try await post([])
        #expect(resent.status == 200)
        #expect(resent.html.contains("<h1 class=\"ok\">Denne filen er sendt før, men dager i den er endret siden</h1>"), "\(resent.html)")
        #expect(resent.html.contains("<p>mai.csv er identisk med innsending 1, men 1 dag i filen er endret siden, av innsending 2: "
                                     + "det som er lagret, stemmer ikke lenger med filen. Ingenting ble endret.</p>"))
        #expect(resent.html.contains("Send den igjen med «Bruk filen på nytt» krysset av."))
        let again = try await post([("again", "ja")])
        #expect(again.status == 201, "\(again.html)")
        #expect(again.html.contains("<p>Importerte 2 rader fra mai.csv for 974760673 (mai 2026): 0 nye, 1 endret, 1 uendret.</p>"))
        await service.stop()
    }
}
