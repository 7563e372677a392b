import ArgumentParser
import WhosaidCore

/// Options every stage shares, so they read the same on every command line.
public struct StageOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write records to this file (written to a temporary file and renamed when complete). Default: standard output.", valueName: "file"))
    public var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write every rejected input as an NDJSON record (stage, source, line, reason) to this file.", valueName: "file"))
    public var rejects: String?

    @Flag(name: [.short, .long], help: "Print nothing on stderr but errors and rejected inputs.")
    public var quiet = false

    @Flag(name: .long, help: "Stop at the first rejected input instead of reporting it and going on.")
    public var strict = false

    public init() {}
}

/// Turns a finished stage's status into the process exit, the same way for every command.
public func stageExit(_ status: ExitStatus) -> ExitCode { ExitCode(status.rawValue) }
