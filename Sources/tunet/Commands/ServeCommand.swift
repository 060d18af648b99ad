import ArgumentParser
import Foundation
import Logging
import TunetApp
import TunetText
import TunetDomain
import TunetHTTP

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Help.abstract("serve"),
        discussion: Help.discussion("serve"))

    @Option(help: Help.option("serve.host")) var host = "127.0.0.1"
    @Option(help: Help.option("serve.port")) var port = 8080
    @Option(help: Help.option("serve.body-limit-mb", value: "megabytes")) var bodyLimitMb = 10
    @OptionGroup var limits: ServeLimitOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        guard (0...65535).contains(port), bodyLimitMb > 0 else { throw ValidationError(Console.texts("serve.error.port")) }
        let configuration = try global.configuration()
        let context = try configuration.serviceContext()
        let checkpoints = BackgroundCheckpoints(context)
        checkpoints.start()
        var settings = TunetServer.Settings()
        settings.host = host
        settings.port = port
        settings.bodyLimit = bodyLimitMb * 1024 * 1024
        try limits.apply(to: &settings)
        if ProcessInfo.processInfo.environment["TUNET_TODAY"] != nil { settings.fixedToday = configuration.today }
        var logger = Logger(label: "tunet")
        logger.logLevel = .info
        let host = self.host
        try await TunetServer.run(context: context, settings: settings, logger: logger) { port in
            // Written straight to the file descriptor so that a script waiting for the line sees it at once.
            let line = Console.texts("serve.listening", ["url": .text("http://\(host):\(port)")])
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        // Told to stop, and the requests in flight are done: the database is closed last, its write-ahead
        // log copied into the database file and emptied.
        checkpoints.stop()
        try context.closeStore()
        FileHandle.standardOutput.write(Data((Console.texts("serve.stopped") + "\n").utf8))
    }
}
