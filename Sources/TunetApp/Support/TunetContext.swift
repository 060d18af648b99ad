import Foundation
import TunetDomain
import TunetStorage
import TunetText

/// Everything a use case needs: the store, who is acting, and what day it is.
public struct TunetContext: Sendable {
    /// Seen by the use cases and, within this package, by the fixtures that build demo data.
    package let store: any Store
    /// Who acts, in which role and for which municipalities: what the audit log records, and what the
    /// use cases let them see.
    public let actor: AuditActor
    public let today: LocalDate
    public let now: @Sendable () -> Date
    /// What use cases keep between requests to the same database (the service's contexts share one).
    public let caches: TunetCaches
    /// How many problems an answer lists in full; the rest are counted by field (`ProblemLimit`).
    public let problemLimit: Int
    /// A new competition's lead time in days (`TUNET_RENEWAL_DAYS`): the renewal task's threshold, and how far ahead
    /// a ceiling forecast calls for attention while the agreement's options could still extend it.
    public let renewalDays: Int
    /// Where long work tells how far it has come: silent unless a front end shows it (`showing(_:)`).
    public let progress: any ProgressObserver

    package init(store: any Store, actor: AuditActor, today: LocalDate, now: @escaping @Sendable () -> Date = Date.init,
         caches: TunetCaches = TunetCaches(), problemLimit: Int = ProblemLimit.standard,
         renewalDays: Int = TaskRuleThresholds.standard.renewalDays, progress: any ProgressObserver = SilentProgress()) {
        self.store = store
        self.actor = actor
        self.today = today
        self.now = now
        self.caches = caches
        self.problemLimit = problemLimit
        self.renewalDays = renewalDays
        self.progress = progress
    }

    /// The same context, telling its long work's progress to `progress`.
    public func showing(_ progress: any ProgressObserver) -> TunetContext {
        TunetContext(store: store, actor: actor, today: today, now: now, caches: caches, problemLimit: problemLimit, renewalDays: renewalDays,
                     progress: progress)
    }

    /// The kept farm calendars and stored days, where the store's stamps can tell when they no longer
    /// hold (its numbers only grow); nil where they cannot, and everything is read afresh.
    var farmCalendarCache: FarmScheduleCache? { store.capabilities.numbersOnlyGrow ? caches.farmCalendars : nil }
    var storedDaysCache: StoredDaysCache? { store.capabilities.numbersOnlyGrow ? caches.storedDays : nil }

    /// Where the data lives (the database file's path), for messages and for keeping output beside it apart.
    public var storeLocation: String { store.location }

    /// Closes the database once a long-running front end (the service) is done with it.
    public func closeStore() throws {
        try store.close()
    }

    /// The same database and caches for another actor or day (a request to the service, say).
    public func acting(as actor: AuditActor, today: LocalDate) -> TunetContext {
        TunetContext(store: store, actor: actor, today: today, now: now, caches: caches, problemLimit: problemLimit, renewalDays: renewalDays)
    }

    /// Runs one change as one transaction, audited under this context's actor.
    package func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try store.write(actor: actor, at: now(), body)
    }

    package func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try store.read(body)
    }
}

/// Data derived from the database and kept for the next request, each cache with its own rule for
/// when it no longer holds.
public final class TunetCaches: Sendable {
    let farmCalendars = FarmScheduleCache()
    let storedDays = StoredDaysCache()

    public init() {}

    /// Lets go of everything kept; the next request reads it from the database again.
    func empty() {
        farmCalendars.empty()
        storedDays.empty()
    }
}

/// Where settings come from: an explicit option wins, then the environment, then the default.
public struct TunetConfiguration: Sendable {
    public static let defaultDatabaseName = "tunet.sqlite"

    public var databasePath: String
    public var actor: String
    public var today: LocalDate
    /// How long a writer waits for another process's write to finish before "busy, try again".
    public var busyTimeout: TimeInterval = Self.defaultBusyTimeout
    /// How many problems an answer lists in full (`TUNET_PROBLEM_LIMIT`); the rest are counted by field.
    public var problemLimit = ProblemLimit.standard
    /// A new competition's lead time in days (`TUNET_RENEWAL_DAYS`), for the renewal task and the ceiling forecast alike.
    public var renewalDays = TaskRuleThresholds.standard.renewalDays
    public static let allowedRenewalDays = 1...3_650
    /// How many connections a service opens to a shared PostgreSQL database (`TUNET_POSTGRES_CONNECTIONS`):
    /// requests beyond them wait for one, so a flood of requests cannot exhaust the server's connections.
    public var postgresConnections = 8
    public static let allowedPostgresConnections = 1...64

    public init(
        databaseOption: String?, actorOption: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TunetError) {
        databasePath = Self.nonEmpty(databaseOption) ?? Self.nonEmpty(environment["TUNET_DATABASE"]) ?? Self.defaultDatabaseName
        actor = Self.nonEmpty(actorOption) ?? Self.nonEmpty(environment["TUNET_ACTOR"])
            ?? Self.nonEmpty(environment["USER"]) ?? Self.nonEmpty(environment["LOGNAME"]) ?? Self.operatingSystemUser()
        if let reason = FreeText.check(actor, maximumLength: 100) {
            throw .invalid("actor", actor, reason.message)
        }
        if let fixed = Self.nonEmpty(environment["TUNET_TODAY"]) {
            switch LocalDate.parse(fixed) {
            case .success(let date): today = date
            case .failure(let problem): throw .invalid("TUNET_TODAY", fixed, problem.reason)
            }
        } else {
            today = OsloTime.today()
        }
        if let text = Self.nonEmpty(environment["TUNET_BUSY_TIMEOUT"]) {
            guard let seconds = TimeInterval(text), seconds >= 0, seconds <= 600 else {
                throw .invalid("TUNET_BUSY_TIMEOUT", text, Message("config.error.busy_timeout"))
            }
            busyTimeout = seconds
        }
        if let text = Self.nonEmpty(environment["TUNET_PROBLEM_LIMIT"]) {
            guard let limit = Int(text), ProblemLimit.allowed.contains(limit) else {
                throw .invalid("TUNET_PROBLEM_LIMIT", text, Message("config.error.problem_limit", [
                    "minimum": .integer(ProblemLimit.allowed.lowerBound), "maximum": .integer(ProblemLimit.allowed.upperBound)]))
            }
            problemLimit = limit
        }
        if let text = Self.nonEmpty(environment["TUNET_RENEWAL_DAYS"]) {
            guard let days = Int(text), Self.allowedRenewalDays.contains(days) else {
                throw .invalid("TUNET_RENEWAL_DAYS", text, Message("config.error.renewal_days", [
                    "minimum": .integer(Int64(Self.allowedRenewalDays.lowerBound)), "maximum": .integer(Int64(Self.allowedRenewalDays.upperBound))]))
            }
            renewalDays = days
        }
        if let text = Self.nonEmpty(environment["TUNET_POSTGRES_CONNECTIONS"]) {
            guard let count = Int(text), Self.allowedPostgresConnections.contains(count) else {
                throw .invalid("TUNET_POSTGRES_CONNECTIONS", text, Message("config.error.postgres_connections", [
                    "minimum": .integer(Int64(Self.allowedPostgresConnections.lowerBound)), "maximum": .integer(Int64(Self.allowedPostgresConnections.upperBound))]))
            }
            postgresConnections = count
        }
    }

    /// Opens the configured database. Read-only commands pass `mustExist` so a mistyped path is reported.
    public func context(mustExist: Bool = false) throws(TunetError) -> TunetContext {
        TunetContext(store: try openStore(mustExist: mustExist, forService: false), actor: .atServer(actor), today: today, problemLimit: problemLimit,
                     renewalDays: renewalDays)
    }

    /// Opens the configured database for a long-running service, which tidies the store's files beside
    /// the writer (`BackgroundCheckpoints`) instead of inside its commits.
    public func serviceContext() throws(TunetError) -> TunetContext {
        TunetContext(store: try openStore(mustExist: false, forService: true), actor: .atServer(actor), today: today, problemLimit: problemLimit,
                     renewalDays: renewalDays)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingWhitespace().isEmpty else { return nil }
        return value.trimmingWhitespace()
    }

    private static func operatingSystemUser() -> String {
        let name = NSUserName()
        return name.isEmpty ? "unknown" : name
    }
}

/// Tunet's calendar days are Norwegian days, whatever the machine's time zone.
public enum OsloTime {
    static let timeZone = TimeZone(identifier: "Europe/Oslo")!

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    public static func today(now: Date = Date()) -> LocalDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The instant a Norwegian day begins, as the ISO 8601 UTC text the audit log stores.
    public static func startOfDayUTC(_ date: LocalDate) -> String {
        let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: instant)
    }

    /// An audit timestamp shown in Norwegian local time: `2026-03-14 09:12:05`.
    public static func localTimestamp(_ utc: String) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let instant = parser.date(from: utc) else { return utc }
        return localTimestamp(instant)
    }

    /// An audit timestamp in Norwegian local time as the reader writes it: `14.03.2026 09:12:05` in
    /// bokmål, `2026-03-14 09:12:05` in English.
    public static func localTimestamp(_ utc: String, in language: Language) -> String {
        written(localTimestamp(utc), in: language)
    }

    public static func localTimestamp(_ instant: Date, in language: Language) -> String {
        written(localTimestamp(instant), in: language)
    }

    private static func written(_ text: String, in language: Language) -> String {
        guard language == .nb, text.count == 19, let day = try? LocalDate.parse(String(text.prefix(10))).get() else { return text }
        return day.norwegian + text.dropFirst(10)
    }

    public static func localTimestamp(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year!)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}
