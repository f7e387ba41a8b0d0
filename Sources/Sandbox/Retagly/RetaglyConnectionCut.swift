/// Thrown from a response body to drop the connection after the head (the closed-connection fault).
struct RetaglyConnectionCut: Error {}
