extension SandboxState {
    /// Notes in the ledger entry of `requestID` that rewrite faults changed its answer (the first
    /// fault's name is kept when another fault already hit it).
    mutating func noteRewrites(_ rewrites: [Fault], requestID: String) {
        guard let first = rewrites.first, let index = ledger.lastIndex(where: { $0.requestID == requestID }) else {
            return
        }
        ledger[index].injected = true
        if ledger[index].fault == nil { ledger[index].fault = first.name }
    }
}
