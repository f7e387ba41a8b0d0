import CSQLite
import Core

/// The lookup hot path's own read-only connection, with its statements prepared once at creation.
///
/// Not `Sendable` and not thread-safe: one per event loop, used synchronously on that loop only
/// (never across an `await`). Each call binds, steps and resets a prepared statement: no statement is
/// prepared after ``init(path:imageRoot:generations:)`` (``statementsPrepared`` stays at its initial value), and
/// the statement is reset before returning so no read snapshot is held between calls.
///
/// A failed read answers like a miss (`nil`) and is kept in ``lastError`` for the caller to log;
/// the slow path that follows a miss reports the failure properly.
public final class ProductReader {
    /// The image root, to turn ``HotImage/relativePath`` into an absolute path.
    public let imageRoot: String
    /// The last SQLite failure of a lookup, if any (cleared by the next successful call).
    public private(set) var lastError: SQLiteError?
    /// How many product lookups this reader ran on SQLite (``lookup(_:)``).
    public private(set) var productReads = 0
    private let connection: SQLiteConnection
    private let productStatement: SQLiteStatement
    private let imageStatement: SQLiteStatement
    private let negativeStatement: SQLiteStatement
    private let generations: AnswerGenerations

    init(path: String, imageRoot: String, generations: AnswerGenerations) throws {
        self.imageRoot = imageRoot
        self.generations = generations
        self.connection = try Database.openReadOnly(path: path)
        self.productStatement = try connection.cached(
            """
            SELECT p.product_meta, p.image_meta, p.updated_at, p.fetched_at, p.variants, p.source,
                   p.validated_at, i.variant, i.path, i.sha256, i.bytes, i.content_type,
                   EXISTS (SELECT 1 FROM evicted_images e WHERE e.barcode = p.barcode)
            FROM products p LEFT JOIN images i ON i.barcode = p.barcode
            WHERE p.barcode = ?
            """)
        self.imageStatement = try connection.cached(
            "SELECT path, sha256, bytes, content_type FROM images WHERE barcode = ? AND variant = ?")
        self.negativeStatement = try connection.cached("SELECT checked_at, reason FROM negatives WHERE barcode = ?")
    }

    /// Where `barcode`'s cached data stands (two atomic loads, no SQLite): a value derived from
    /// reading `barcode` stays current while its stamp does not change. Only writes that changed the
    /// barcode's product, image or negative rows move it (a listing that validates records again
    /// moves `validated_at` forward only, which a value checking its TTL from the `validated_at` it
    /// read may ignore). Read it before the data.
    public func changeStamp(of barcode: Barcode) -> ChangeStamp { generations.stamp(of: barcode) }

    /// How many statements this reader's connection has prepared (3, from its creation, for good).
    public var statementsPrepared: Int { connection.prepareCount }

    /// The cached product for `barcode` with its stored images, or `nil` when it is not cached.
    public func lookup(_ barcode: Barcode) -> HotProduct? {
        let statement = productStatement
        defer { statement.reset() }
        productReads += 1
        do {
            _ = statement.bindText(barcode.digits, at: 1)
            guard try statement.step() else {
                lastError = nil
                return nil
            }
            var product = HotProduct(
                barcode: barcode, productMeta: statement.text(0), imageMeta: statement.optionalText(1),
                updatedAt: statement.text(2), fetchedAt: UnixMillis(statement.int64(3)),
                validatedAt: UnixMillis(statement.int64(6)),
                variantsAvailable: VariantList.decode(statement.optionalText(4)),
                source: ProductSource(rawValue: statement.text(5)) ?? .sync, images: [],
                hasEvictedImages: statement.int64(12) != 0)
            repeat {
                if let image = Self.image(statement, variantColumn: 7) { product.images.append(image) }
            } while try statement.step()
            if product.images.count > 1 { product.images.sort { $0.variant < $1.variant } }
            lastError = nil
            return product
        } catch {
            lastError = error
            return nil
        }
    }

    /// The stored image of `barcode` and `variant`, or `nil` when none is stored.
    public func image(_ barcode: Barcode, variant: ImageVariant) -> HotImage? {
        let statement = imageStatement
        defer { statement.reset() }
        do {
            _ = statement.bindText(barcode.digits, at: 1)
            _ = statement.bindText(variant.rawValue, at: 2)
            guard try statement.step() else { return nil }
            lastError = nil
            return HotImage(
                variant: variant, relativePath: statement.text(0), sha256: statement.text(1),
                bytes: statement.int64(2), contentType: statement.text(3))
        } catch {
            lastError = error
            return nil
        }
    }

    /// The negative entry for `barcode`, or `nil` when there is none (its age is the caller's rule).
    public func negative(_ barcode: Barcode) -> NegativeEntry? {
        let statement = negativeStatement
        defer { statement.reset() }
        do {
            _ = statement.bindText(barcode.digits, at: 1)
            guard try statement.step(), let reason = NegativeReason(rawValue: statement.text(1)) else { return nil }
            lastError = nil
            return NegativeEntry(barcode: barcode, checkedAt: UnixMillis(statement.int64(0)), reason: reason)
        } catch {
            lastError = error
            return nil
        }
    }

    /// `imageRoot/relativePath` of a stored image.
    public func absolutePath(of image: HotImage) -> String { imageRoot + "/" + image.relativePath }

    /// Closes the connection (also done when the reader is released).
    public func close() { connection.close() }

    /// The image columns starting at `variantColumn`, or `nil` for the `LEFT JOIN`'s empty side.
    private static func image(_ statement: SQLiteStatement, variantColumn column: Int32) -> HotImage? {
        guard !statement.isNull(column), let variant = ImageVariant(rawValue: statement.text(column)) else {
            return nil
        }
        return HotImage(
            variant: variant, relativePath: statement.text(column + 1), sha256: statement.text(column + 2),
            bytes: statement.int64(column + 3), contentType: statement.text(column + 4))
    }
}
