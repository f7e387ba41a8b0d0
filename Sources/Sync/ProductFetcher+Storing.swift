import Core
import Foundation
import Logging
import Store
import Synchronization
import Upstream

extension ProductFetcher {
    /// One fetch: the product call, then its metadata, then every returned image at once.
    func fetchAndStore(_ flight: FetchFlight) async -> FetchOutcome {
        let barcode = flight.barcode
        let (include, variants) = configuration.request(available: flight.available)
        guard diskSpace.allowsPaidFetch() else {
            return .failed(.diskFull("the state directory is below storage.min_free"), credits: .zero)
        }
        let fetch: ProductFetch
        do {
            fetch = try await client.product(
                barcode, purpose: flight.purpose, include: include, variants: variants,
                available: flight.available)
        } catch .notFound {
            return await forget(barcode)
        } catch .forbidden(code: "scope_forbidden") {
            return await rememberOutOfScope(barcode)
        } catch {
            if error != .cancelled {
                logger.info(
                    "product fetch failed", metadata: ["barcode": "\(barcode)", "reason": "\(error.reasonCode)"])
            }
            return .failed(.upstream(error), credits: .zero)
        }
        var credits = fetch.creditsDebited ?? fetch.expectedCost
        let updatedAt = fetch.updatedAt ?? Timestamp.format(fetch.serverTime ?? clock.now())
        // Configured variants that came back without a URL are gone upstream (asked for and null, or
        // not asked for because the listing said the product lacks them): their stored images go too.
        let gone = Set(configuration.wantedVariants(available: nil)).subtracting(fetch.imageURLs.keys)
        let now = UnixMillis(clock.now())
        let record = ProductRecord(
            barcode: barcode, productMeta: fetch.productMeta?.jsonText ?? "null",
            imageMeta: include.contains(.imageMeta) ? (fetch.imageMeta?.jsonText ?? "null") : nil,
            updatedAt: updatedAt, fetchedAt: now, variantsAvailable: flight.available,
            source: flight.purpose == .scan ? .live : .sync)
        let removed: [ImageRecord]
        do {
            removed = try await database.write { connection in
                let previous = try connection.product(barcode)
                var record = record
                if record.variantsAvailable == nil { record.variantsAvailable = previous?.variantsAvailable }
                try connection.saveProduct(record)
                try connection.clearEvictedImages(barcode)
                var removed: [ImageRecord] = []
                for variant in gone.sorted() {
                    if let image = try connection.image(barcode, variant: variant) {
                        try connection.deleteImage(barcode, variant: variant)
                        removed.append(image)
                    }
                }
                return removed
            }
        } catch {
            logger.error(
                "cannot store a fetched product", metadata: ["barcode": "\(barcode)", "error": "\(error)"])
            return .failed(storageFailure(error), credits: credits)
        }
        flight.metadataStored.fulfil(true)
        await removeFiles(removed)
        let (extra, failure) = await storeImages(fetch, purpose: flight.purpose, updatedAt: updatedAt)
        credits = credits + extra
        if let failure { return .partial(updatedAt: updatedAt, credits: credits, failure: failure) }
        return .stored(updatedAt: updatedAt, credits: credits)
    }

    /// Downloads every returned URL at once (they are single-use and expire), stores and indexes
    /// each image. Returns the credits the downloads cost (fresh URLs) and the first failure.
    private func storeImages(
        _ fetch: ProductFetch, purpose: RequestPurpose, updatedAt: String
    ) async -> (Credits, FetchFailure?) {
        await withTaskGroup(of: (Credits, FetchFailure?).self) { group in
            for (variant, url) in fetch.imageURLs {
                group.addTask {
                    await self.storeImage(
                        url, barcode: fetch.barcode, variant: variant, purpose: purpose, updatedAt: updatedAt)
                }
            }
            var credits = Credits.zero
            var failure: FetchFailure?
            for await (cost, problem) in group {
                credits = credits + cost
                if failure == nil { failure = problem }
            }
            return (credits, failure)
        }
    }

    private func storeImage(
        _ url: SignedImageURL, barcode: Barcode, variant: ImageVariant, purpose: RequestPurpose, updatedAt: String
    ) async -> (Credits, FetchFailure?) {
        let downloaded: DownloadedImage
        do {
            downloaded = try await client.downloadImage(url, barcode: barcode, variant: variant, purpose: purpose)
        } catch {
            logger.warning(
                "image download failed",
                metadata: ["barcode": "\(barcode)", "variant": "\(variant.rawValue)", "reason": "\(error.reasonCode)"])
            return (.zero, .upstream(error))
        }
        do {
            let stored = try await images.storeOffCooperativePool(downloaded.bytes, barcode: barcode, variant: variant)
            let row = ImageRecord(
                stored: stored, barcode: barcode, variant: variant, contentType: downloaded.contentType,
                productUpdatedAt: updatedAt, storedAt: UnixMillis(clock.now()))
            let cap = configuration.maxImageBytes
            let busy = cap > 0 ? flights.withLock { Set($0.keys) }.union([barcode]) : []
            let evicted = try await database.write { connection -> [ImageRecord] in
                try connection.saveImage(row)
                guard cap > 0 else { return [] }
                return try connection.evictImages(toFit: cap, sparing: busy, at: UnixMillis(clock.now()))
            }
            metrics.imageStored()
            await evict(evicted)
            return (downloaded.creditsDebited, nil)
        } catch {
            logger.error(
                "cannot store a downloaded image",
                metadata: ["barcode": "\(barcode)", "variant": "\(variant.rawValue)", "error": "\(error)"])
            return (downloaded.creditsDebited, storageFailure(error))
        }
    }

    /// What a failed write means: a full disk (which starts a disk-full episode) or another problem.
    private func storageFailure(_ error: any Error) -> FetchFailure {
        guard FreeSpace.isDiskFull(error) else { return .storage("\(error)") }
        diskSpace.reportFull(error)
        return .diskFull("\(error)")
    }

    /// Upstream refused `barcode` as outside the client's brand scope (`403 scope_forbidden`): a
    /// negative entry of that reason, so scans answer it without asking again until the entry
    /// expires or an operator's resync. A cached record stays (it was bought while in scope).
    private func rememberOutOfScope(_ barcode: Barcode) async -> FetchOutcome {
        let failure = FetchFailure.upstream(.forbidden(code: "scope_forbidden"))
        do {
            try await database.write { connection in
                try connection.saveNegative(
                    NegativeEntry(barcode: barcode, checkedAt: UnixMillis(clock.now()), reason: .scopeForbidden))
            }
            logger.info(
                """
                a product is outside the client's brand scope (403 scope_forbidden); not asked again until \
                storage.negative_ttl passes or an operator's resync
                """,
                metadata: ["barcode": "\(barcode)"])
            return .failed(failure, credits: .zero)
        } catch {
            logger.error(
                "cannot record an out-of-scope barcode", metadata: ["barcode": "\(barcode)", "error": "\(error)"])
            return .failed(FreeSpace.isDiskFull(error) ? storageFailure(error) : failure, credits: .zero)
        }
    }

    /// Upstream does not know `barcode`: a negative entry, and a cached record (and its image files)
    /// removed.
    private func forget(_ barcode: Barcode) async -> FetchOutcome {
        let now = UnixMillis(clock.now())
        do {
            let removed = try await database.write { connection in
                try connection.saveNegative(NegativeEntry(barcode: barcode, checkedAt: now, reason: .notFound))
                return try connection.deleteProduct(barcode)
            }
            if !removed.isEmpty {
                logger.info("upstream deleted a cached product; removed it", metadata: ["barcode": "\(barcode)"])
            }
            await removeFiles(removed)
            return .notFound
        } catch {
            logger.error("cannot record an unknown barcode", metadata: ["barcode": "\(barcode)", "error": "\(error)"])
            return .failed(storageFailure(error), credits: .zero)
        }
    }
}
