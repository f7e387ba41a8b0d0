import Hummingbird

extension Sandbox {
    /// Every route: Retail Digitals under `/api/v1`, Retagly under `/retagly`, the control planes
    /// under `/_sandbox`.
    func makeRouter() -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        router.add(middleware: SandboxNotFoundMiddleware())
        let api = router.group("api/v1")
        let routes: [(HTTPRequest.Method, RouterPath, SandboxEndpoint)] = [
            (.post, "auth/token", .token), (.post, "auth/refresh", .refresh), (.post, "auth/revoke", .revoke),
            (.get, "products", .listing), (.post, "products/bulk-check", .bulkCheck),
            (.get, "products/{barcode}", .productGet), (.head, "products/{barcode}", .productHead),
            (.get, "products/{barcode}/image", .imageRedirect), (.get, "image/{token}", .imageDelivery),
            (.head, "image/{token}", .imageDelivery), (.get, "balance", .balance), (.get, "account", .account),
            (.get, "usage", .usage), (.get, "pricing", .pricing), (.get, "health", .health),
        ]
        for (method, path, endpoint) in routes {
            api.on(path, method: method) { request, context in
                try await self.respond(endpoint, request, context)
            }
        }
        retagly.addRoutes(to: router.group("retagly"))
        retagly.addControlRoutes(to: router.group("_sandbox/retagly"))
        addControlRoutes(to: router.group("_sandbox"))
        return router
    }
}
