import ArgumentParser
import Store

struct WhosaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whosaid",
        abstract: "Ask the whosaid database who said what.")
}

WhosaidCommand.main()
