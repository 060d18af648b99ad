import Foundation
import Hummingbird

/// Contracts/openapi.yaml as the service carries it, compiled into the binary (`OpenAPIDocumentText.swift`,
/// written by `scripts/embed-openapi`), so that an installed `tunet` serves it without the source tree.
/// `GET /openapi.yaml` answers these bytes unchanged, to anyone: the document describes the interface and
/// holds no data, and a client or a contract tool needs it before it has a token.
enum OpenAPIDocument {
    /// The document's bytes, exactly as Contracts/openapi.yaml holds them.
    static let bytes: [UInt8] = Array(Data(base64Encoded: base64) ?? Data())

    static var text: String { String(decoding: bytes, as: UTF8.self) }

    /// YAML's registered media type (RFC 9512), which every YAML reader and contract tool knows.
    static let mediaType = "application/yaml"

    /// A strong validator for these bytes (FNV-1a, 64 bits): it changes whenever the document does.
    static let entityTag: String = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\"\(String(hash, radix: 16))-\(bytes.count)\""
    }()

    /// The document, cacheable for five minutes and revalidated by its entity tag (304 when unchanged).
    static func response(_ request: Request) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = entityTag
        headers[.cacheControl] = "public, max-age=300"
        if let asked = request.headers[.ifNoneMatch],
           asked.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == entityTag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "\(mediaType); charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
