import ArgumentParser

@main
struct StoreSync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storesync", abstract: "The in-store sync daemon.",
        subcommands: [
            ServeCommand.self, LookupCommand.self, StatusCommand.self, ResyncCommand.self, SandboxCommand.self,
            DemoCommand.self, VerifyCommand.self, UsageCommand.self,
        ])
}
