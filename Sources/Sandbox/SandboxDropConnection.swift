/// Thrown inside the sandbox's HTTP layer to end a connection without (the rest of) an answer:
/// the injected "closed connection" and "cut body" faults.
struct SandboxDropConnection: Error {}
