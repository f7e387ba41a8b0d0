import Store

/// What one event loop of the socket keeps for itself: its read-only cache connection and the
/// answers it has already encoded. Created on its loop and used only there.
final class LoopReader {
    /// The loop's own SQLite reader with its prepared statements.
    let reader: ProductReader
    /// Fresh cache-hit answers encoded on this loop.
    let answers: EncodedAnswers
    /// Image-index rows read on this loop.
    let images: KnownImages

    init(reader: ProductReader, answerCapacity: Int) {
        self.reader = reader
        self.answers = EncodedAnswers(capacity: answerCapacity)
        self.images = KnownImages(capacity: answerCapacity)
    }
}
