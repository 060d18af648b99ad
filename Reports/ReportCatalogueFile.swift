import Foundation

/// The report catalogue (catalogue.json beside this file), shipped with Tunet as a resource so
/// that the exports are described in one place that people read and the code follows.
public enum ReportCatalogueFile {
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "catalogue", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
