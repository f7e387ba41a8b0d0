/// The demo's closing hints: how to call the running daemon while it serves.
enum DemoHints {
    static func print(out: DemoOutput, workspace: DemoWorkspace, catalog: DemoCatalog, keep: Bool) {
        let binary = CommandLine.arguments.first ?? "storesync"
        out.line(
            """
               The daemon keeps serving until you press Ctrl-C. From another terminal:

                 curl --unix-socket \(workspace.socket) http://localhost/v1/products/017000161563
                 curl --unix-socket \(workspace.socket) -o front.jpg http://localhost/v1/products/017000161563/images/front
                 curl --unix-socket \(workspace.socket) http://localhost/v1/status
                 curl --unix-socket \(workspace.socket) http://localhost/metrics
                 curl --unix-socket \(workspace.socket) -X POST http://localhost/v1/sync
                 \(binary) lookup \(catalog.carried[1]) --socket \(workspace.socket)
                 \(binary) status --socket \(workspace.socket)
                 \(binary) resync --wait --socket \(workspace.socket)

               The daemon's log: \(workspace.log)
            """)
        if !keep { out.line("   (everything under \(workspace.root) is removed on exit; --keep keeps it)") }
    }
}
