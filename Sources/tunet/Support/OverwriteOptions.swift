import ArgumentParser

/// For commands that write a file the user names: an existing file is kept unless they say otherwise.
struct OverwriteOptions: ParsableArguments {
    @Flag(name: .long, help: "Overwrite the output file if it already exists (never the database or its journals).")
    var force = false
}
