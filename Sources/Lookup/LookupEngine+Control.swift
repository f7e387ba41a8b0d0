import Core
import NIOCore
import NIOHTTP1

extension LookupEngine {
    /// The control routes (status, sync, shelf, metrics): always on the slow path.
    func control(_ route: Route, body: [UInt8]) -> Decision {
        switch route {
        case .status:
            return .slow { Self.answer(await self.backend.status()) }
        case .startSync:
            return .slow { Self.answer(await self.backend.startSync(body: body)) }
        case .syncRun(let id):
            let id = String(id)
            return .slow { Self.answer(await self.backend.syncRun(id: id)) }
        case .usage(let month):
            let month = month.map(String.init)
            return .slow { Self.answer(await self.backend.usage(month: month)) }
        case .shelfProducts:
            return .slow { Self.answer(await self.backend.enqueueShelfChanges(body: body)) }
        case .metrics:
            return .slow {
                let text = await self.backend.metricsText()
                return Answer(
                    status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8", body: ByteBuffer(string: text)
                )
            }
        default:
            return .answer(.error(.notFound, code: "not_found", message: "no such route"))
        }
    }

    private static func answer(_ control: ControlAnswer) -> Answer {
        .json(HTTPResponseStatus(statusCode: control.status), control.body)
    }
}
