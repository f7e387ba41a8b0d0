import Core
import Daemon
import Foundation
import Logging
import Lookup
import Sandbox
import Store
import Sync
import UnixSignals

/// The demo's walkthrough, step by step, against a real daemon and a real socket.
struct DemoScenario {
    let sandbox: Sandbox
    let workspace: DemoWorkspace
    let catalog: DemoCatalog
    let daemon: StoreSyncDaemon
    let out = DemoOutput()

    /// Writes the store catalog and builds a daemon for the sandbox on the workspace's paths.
    static func make(sandbox: Sandbox, workspace: DemoWorkspace, carried: Int) async throws -> DemoScenario {
        let catalog = DemoCatalog(sandbox: sandbox, carried: carried)
        try catalog.csv.write(toFile: workspace.catalog, atomically: true, encoding: .utf8)
        let daemon = try await makeDaemon(sandbox: sandbox, workspace: workspace)
        return DemoScenario(sandbox: sandbox, workspace: workspace, catalog: catalog, daemon: daemon)
    }

    func run(waitForInterrupt: Bool, keep: Bool) async throws {
        out.title("storesync demo")
        out.line(
            "A sandbox of Retail Digitals and Retagly runs at \(sandbox.retailDigitalsBaseURL) (\(sandbox.barcodes.count) products)."
        )
        out.line(
            "The demo store carries \(catalog.carried.count) of them, \(catalog.unknownUpstream.count) store brands upstream does not have and 2 in-store codes."
        )
        out.line("State, socket and logs live in \(workspace.root).")
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await daemon.run() }
            await daemon.lookup.ready.wait()
            out.line("The daemon is serving on \(workspace.socket).")
            try await walkthrough()
            if waitForInterrupt {
                out.title("Try it yourself")
                DemoHints.print(out: out, workspace: workspace, catalog: catalog, keep: keep)
                await Self.waitForInterrupt()
                out.line("\nStopping the daemon and the sandbox…")
            }
            await daemon.shutdown()
            try await tasks.waitForAll()
        }
        out.line(keep ? "Stopped. The state is kept in \(workspace.root)." : "Stopped; temporary files removed.")
    }

    private func walkthrough() async throws {
        out.title("1. First sync: bulk-check the catalog, fetch what exists, download front images")
        try await sync(.delta())
        out.title("2. Upstream changes three carried products (one gets a new photo) and adds one")
        for (index, barcode) in catalog.carried.suffix(3).enumerated() {
            sandbox.updateProduct(barcode, changeImages: index == 0)
            out.line("   updated \(barcode)\(index == 0 ? " (new front image)" : "")")
        }
        out.line("   added   \(sandbox.addProduct().barcode) (the store does not carry it)")
        out.title("3. Nightly delta sync: only what changed and is carried is paid for")
        try await sync(.delta())
        out.title("4. Scan-time lookups through the socket")
        try await DemoLookups(out: out, socket: workspace.socket, catalog: catalog, sandbox: sandbox).run()
        out.title("5. Status (storesync status)")
        let status = try await SocketClient(socketPath: workspace.socket).get("/v1/status")
        out.line(StatusText.render(try status.document(StatusDocument.self)))
        out.title("6. Images on disk")
        let images = workspace.stateDirectory + "/images"
        out.line("   \(images)/<first 3 digits>/<barcode>/<variant>.jpg|png, e.g.")
        let example = "\(images)/017/017000161563/front.jpg"
        if FileManager.default.fileExists(atPath: example) { out.line("   \(example)") }
    }

    /// Starts a sync and shows its progress until it ends.
    private func sync(_ request: SyncRequest) async throws {
        let (run, _) = try await daemon.engine.start(request)
        var last = ""
        while true {
            guard let report = try await daemon.engine.report(run.id) else { return }
            let line = SyncRunText.progress(report)
            // On a terminal the line rewrites itself; in a log, one line per quarter of the work.
            let quarter = report.total > 0 ? report.done * 4 / report.total : 0
            let shown = out.terminal ? line : "\(quarter)"
            if shown != last {
                out.progress(line)
                last = shown
            }
            if report.state.isFinished || report.state == .paused {
                out.endProgress()
                out.line("   " + SyncRunText.summary(report))
                return
            }
            try await Task.sleep(for: .milliseconds(150))
        }
    }

    private static func waitForInterrupt() async {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        for await _ in signals { return }
    }
}
