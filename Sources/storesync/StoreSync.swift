import ArgumentParser

@main
struct StoreSync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storesync", abstract: "The in-store sync daemon.",
        subcommands: [SandboxCommand.self, DebugCommands.WriteImage.self, DebugCommands.WriteLoop.self])
}
