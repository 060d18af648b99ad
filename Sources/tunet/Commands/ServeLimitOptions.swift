import ArgumentParser
import Foundation
import TunetDomain
import TunetHTTP
import TunetText

/// The service's limits on connections, slow clients and memory: each an option, else a TUNET_*
/// variable, else the default `TunetServer.Settings` holds (README, Configuration).
struct ServeLimitOptions: ParsableArguments {
    @Option(help: Help.option("options.serve-limits.max-connections", value: "count"))
    var maxConnections: Int?
    @Option(help: Help.option("options.serve-limits.body-memory-mb", value: "megabytes"))
    var bodyMemoryMb: Int?
    @Option(help: Help.option("options.serve-limits.header-timeout", value: "seconds"))
    var headerTimeout: Double?
    @Option(help: Help.option("options.serve-limits.body-timeout", value: "seconds"))
    var bodyTimeout: Double?
    @Option(help: Help.option("options.serve-limits.idle-timeout", value: "seconds"))
    var idleTimeout: Double?
    @Option(help: Help.option("options.serve-limits.drain-timeout", value: "seconds"))
    var drainTimeout: Double?
    @Option(name: .customLong("trusted-proxy"),
            help: Help.option("options.serve-limits.trusted-proxy", value: "address"))
    var trustedProxies: [String] = []

    func apply(to settings: inout TunetServer.Settings, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let count = try number(maxConnections.map(Double.init), "TUNET_MAX_CONNECTIONS", option: "--max-connections", environment) {
            settings.maximumConnections = Int(count)
        }
        if let megabytes = try number(bodyMemoryMb.map(Double.init), "TUNET_BODY_MEMORY_MB", option: "--body-memory-mb", environment) {
            settings.bodyMemoryLimit = Int(megabytes * 1_048_576)
        }
        let timeouts: [(Double?, String, String, WritableKeyPath<TunetServer.Settings, Duration>)] = [
            (headerTimeout, "TUNET_HEADER_TIMEOUT", "--header-timeout", \.headerTimeout),
            (bodyTimeout, "TUNET_BODY_TIMEOUT", "--body-timeout", \.bodyTimeout),
            (idleTimeout, "TUNET_IDLE_TIMEOUT", "--idle-timeout", \.idleTimeout),
            (drainTimeout, "TUNET_DRAIN_TIMEOUT", "--drain-timeout", \.drainTimeout),
        ]
        for (given, variable, option, setting) in timeouts {
            if let seconds = try number(given, variable, option: option, environment) {
                settings[keyPath: setting] = .milliseconds(Int64(seconds * 1000))
            }
        }
        let proxies = trustedProxies.isEmpty ? (environment["TUNET_TRUSTED_PROXIES"]?.split(separator: ",").map(String.init) ?? []) : trustedProxies
        if let refused = settings.trust(proxies: proxies) {
            throw ValidationError(Console.texts("serve.error.proxy", ["name": .text(trustedProxies.isEmpty ? "TUNET_TRUSTED_PROXIES" : "--trusted-proxy"),
                                                                      "value": .text(refused)]))
        }
    }

    /// The option's value, else the variable's; either must be a number above 0 (and at most a day).
    private func number(_ given: Double?, _ variable: String, option: String, _ environment: [String: String]) throws -> Double? {
        let text = given.map { String($0) } ?? environment[variable]
        guard let text else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value <= 86_400 * 1_000 else {
            throw ValidationError(Console.texts("serve.error.limit", ["name": .text(given == nil ? variable : option), "value": .text(text)]))
        }
        return value
    }
}
