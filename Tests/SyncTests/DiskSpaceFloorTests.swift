import Sync
import Testing

/// The free-space rule before a paid fetch (`storage.min_free`), without any file system.
@Suite("The free-space floor")
struct DiskSpaceFloorTests {
    let floor = DiskSpaceFloor(minFree: 64 << 20, recoveryMargin: 1 << 20)

    @Test("A fetch may start at or above the floor and not below it")
    func floorDecides() {
        #expect(floor.allowsPaidFetch(free: 64 << 20))
        #expect(floor.allowsPaidFetch(free: 10 << 30))
        #expect(!floor.allowsPaidFetch(free: (64 << 20) - 1))
        #expect(!floor.allowsPaidFetch(free: 0))
    }

    @Test("An unknown amount of free space does not stop the store")
    func unknownAllows() {
        #expect(floor.allowsPaidFetch(free: nil))
    }

    @Test("After a write failed for want of space, buying waits until space grew by the margin")
    func failureNeedsGrowth() {
        let noFloor = DiskSpaceFloor(minFree: 0, recoveryMargin: 1 << 20)
        #expect(!noFloor.allowsPaidFetch(free: 3 << 20, freeAtFailure: 3 << 20))
        #expect(!noFloor.allowsPaidFetch(free: (4 << 20) - 1, freeAtFailure: 3 << 20))
        #expect(noFloor.allowsPaidFetch(free: 4 << 20, freeAtFailure: 3 << 20))
        #expect(floor.required(freeAtFailure: 200 << 20) == 201 << 20)
        #expect(floor.required(freeAtFailure: 0) == 64 << 20)
    }

    @Test("Floors and margins are never negative and never overflow")
    func clamps() {
        #expect(DiskSpaceFloor(minFree: -5).minFree == 0)
        #expect(floor.required(freeAtFailure: Int64.max) == Int64.max)
    }
}
