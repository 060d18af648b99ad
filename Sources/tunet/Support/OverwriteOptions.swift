import ArgumentParser

/// For commands that write a file the user names: an existing file is kept unless they say otherwise.
struct OverwriteOptions: ParsableArguments {
    @Flag(name: .long, help: Help.option("options.overwrite.force"))
    var force = false
}
