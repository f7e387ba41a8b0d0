import Core
import Hummingbird

/// Turns Hummingbird's bare 404 for an unknown route into the API's JSON error body (the path is
/// not echoed: it could hold a signed token).
struct SandboxNotFoundMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let requestID = SandboxState.newRequestID()
            let error = SandboxAPIError.notFound("No such route for \(request.method.rawValue); see the API reference.")
            let body = JSONValue.object([("error", SandboxState.errorObject(error, requestID: requestID))])
            var headers = HTTPFields()
            headers[.contentType] = SandboxState.jsonContentType
            headers[.xRequestID] = requestID
            return Response(
                status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body.jsonBytes)))
        }
    }
}
