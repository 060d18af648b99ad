import Foundation
import Mustache
import TunetDomain
import TunetText

/// The pages' Mustache templates (`Pages/Templates`, shipped with Tunet), each filled in on the server:
/// `{{…}}` escapes what it writes, so a farm's file name or a reason is never markup.
struct PageTemplates: Sendable {
    let library: MustacheLibrary

    static func load() throws -> PageTemplates {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Templates"])
        }
        var library = MustacheLibrary()
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) where file.pathExtension == "mustache" {
            try library.register(String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
        }
        return PageTemplates(library: library)
    }

    /// The style sheet every page links to (no inline style: the Content-Security-Policy allows none).
    static func styleSheet() throws -> Data {
        guard let file = Bundle.module.url(forResource: "stil", withExtension: "css", subdirectory: "Assets") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Assets/stil.css"])
        }
        return try Data(contentsOf: file)
    }

    /// Page `name` in the frame's language: its own texts (`page.NAME.*`) as `t`, the shared ones
    /// (`page.common.*`) as `c`, the frame's values, and `values`.
    func render(_ name: String, _ frame: PageFrame, _ values: [String: Any] = [:]) -> String {
        var all = frame.values
        all["t"] = Self.texts(under: "page.\(name).", frame.texts.language)
        all["c"] = Self.texts(under: "page.common.", frame.texts.language)
        for (key, value) in values { all[key] = value }
        return library.render(all, withTemplate: name) ?? ""
    }

    /// The catalogue's texts under a prefix, by the rest of their key.
    static func texts(under prefix: String, _ language: Language) -> [String: String] {
        var texts: [String: String] = [:]
        for (key, text) in Catalogue.table(language) where key.hasPrefix(prefix) {
            texts[String(key.dropFirst(prefix.count))] = text
        }
        return texts
    }
}

/// What every page shows around its own content: the language, the title, who is signed in and the
/// way to sign out, the menu, a notice, and the problems to correct, each linked to its field.
struct PageFrame {
    struct Link {
        let href: String
        let label: String
        let current: Bool
    }

    let texts: Texts
    var title: String
    var visitor: Visitor?
    /// The page's address, for the menu's current entry and the other language's link.
    var path: String
    var query: String = ""
    var notice: String?
    var errors: [(field: String?, message: String)] = []

    var values: [String: Any] {
        let other: Language = texts.language == .nb ? .en : .nb
        let separator = query.isEmpty ? "?" : "?\(query)&"
        var values: [String: Any] = [
            "lang": texts.language.rawValue, "title": title, "otherLanguage": other.rawValue,
            "otherLanguageHref": "\(path)\(separator)lang=\(other.rawValue)",
            "hasErrors": !errors.isEmpty,
            "errors": errors.map { error -> [String: Any] in
                var entry: [String: Any] = ["message": error.message]
                if let field = error.field { entry["field"] = field }
                return entry
            },
        ]
        if let notice { values["notice"] = notice }
        if let visitor {
            values["signedIn"] = true
            values["who"] = texts("page.common.signed_in_as", ["who": .text(visitor.name(texts))])
            values["formKey"] = visitor.formKey
            values["nav"] = visitor.menu(texts).map { ["href": $0.href, "label": $0.label, "current": $0.href == path] }
        }
        return values
    }
}
