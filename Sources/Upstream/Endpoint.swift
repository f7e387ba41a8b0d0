/// The API endpoints the client calls, as metric labels and log fields.
enum Endpoint: String, Sendable, Hashable {
    case token = "auth_token"
    case refresh = "auth_refresh"
    case pricing
    case productGet = "product_get"
    case imageRedirect = "image_redirect"
    case listing
    case bulkCheck = "bulk_check"
    case balance
    case usage
    case account
    case imageDelivery = "image_delivery"
}
