import ArgumentParser
import WhosaidCore

/// Runs a stage's body and turns how it ended into the documented exit status: 0 when all went well, 65 when
/// inputs were rejected (or, with --strict, when the first one stopped the run), 74 when an input could not be
/// read or the output could not be written. The message names the file, never the data.
public func runStage(command: String, sink: DiagnosticSink = .standardError, _ body: () throws -> ExitStatus) throws {
    let status: ExitStatus
    do {
        status = try body()
    } catch let error as RecordInputError {
        switch error {
        case .stream(let streamError):
            sink.write("\(command): error: \(streamError)\n")
            throw stageExit(.ioFailure)
        case .badLine:
            sink.write("\(command): error: \(error) (stopped: --strict)\n")
            throw stageExit(.rejectedInputs)
        }
    } catch let error as StreamError {
        sink.write("\(command): error: \(error)\n")
        throw stageExit(.ioFailure)
    } catch let error as StrictStop {
        sink.write("\(command): error: \(error.description) (stopped: --strict)\n")
        throw stageExit(.rejectedInputs)
    }
    throw stageExit(status)
}

/// Thrown by a stage in --strict mode at the first input it must reject.
public struct StrictStop: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
