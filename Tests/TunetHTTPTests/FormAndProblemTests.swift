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

@Suite("Form bodies as browsers post them")
struct MultipartFormTests {
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
        #expect((try service.json(noMonth.data)["problems"] as? [[String: Any]])?.first?["reason"] as? String == "mangler: oppgi den som ?month=2026-03")
        await service.stop()
    }
}
