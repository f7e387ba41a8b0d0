import CSQLite
import Core
import Foundation
import Logging

extension DatabaseOpener {
    /// Copies what can be read of the damaged file at `movedTo` into the fresh `connection`, then
    /// makes the image index agree with the files on disk; logs per table what was recovered (notice)
    /// and what was lost (error). A salvage that fails leaves the fresh database as it is.
    func salvage(from movedTo: String, problems: [String], into connection: SQLiteConnection) -> SalvageReport {
        var report = SalvageReport(movedTo: movedTo, problems: problems, tables: [])
        do {
            let source = try SQLiteConnection(path: movedTo, flags: SQLITE_OPEN_READONLY)
            defer { source.close() }
            _ = try DatabaseSalvager.integer("SELECT count(*) FROM sqlite_schema", on: source)
            report.tables = try DatabaseSalvager(source: source, target: connection).salvageAll()
        } catch {
            logger.error(
                "could not read the damaged database file at all; starting empty",
                metadata: ["path": "\(movedTo)", "error": "\(error)"])
        }
        do {
            let images = ImageReindexer(
                store: ImageStore(stateDirectory: directory), connection: connection, now: UnixMillis(Date()))
            (report.imagesDropped, report.imagesReindexed, report.imagesKept) = try images.run()
        } catch {
            logger.error("could not re-index the image files", metadata: ["error": "\(error)"])
        }
        log(report)
        return report
    }

    /// One line per table (notice when whole, error when rows were lost) and one for the images.
    private func log(_ report: SalvageReport) {
        for table in report.tables {
            let metadata: Logger.Metadata = [
                "table": "\(table.table)", "recovered": "\(table.recovered)", "lost": "\(table.lost)",
            ]
            if table.complete && table.lost == 0 && table.failure == nil {
                logger.notice("salvage recovered \(table.summary)", metadata: metadata)
            } else {
                logger.error("salvage lost rows: \(table.summary)", metadata: metadata)
            }
        }
        logger.notice("salvage \(report.imagesSummary)")
    }
}
