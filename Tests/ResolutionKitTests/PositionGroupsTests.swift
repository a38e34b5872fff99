import Testing

@testable import ResolutionKit

@Suite struct PositionGroupsTests {
  /// Each key's positions come back in the order they were given, keys
  /// interleaved; a key never given has none.
  @Test func groupsKeepInputOrder() {
    let groups = PositionGroups([
      ("1300", 4), ("71", 0), ("1300", 1), ("71", 9), ("1300", 7), ("2", 3),
    ])
    #expect(groups.withPositions(of: "1300") { Array($0) } == [4, 1, 7])
    #expect(groups.withPositions(of: "71") { Array($0) } == [0, 9])
    #expect(groups.withPositions(of: "2") { Array($0) } == [3])
    #expect(groups.withPositions(of: "5") { Array($0) } == nil)
  }

  @Test func noPairsNoGroups() {
    let groups = PositionGroups<String>([])
    #expect(groups.withPositions(of: "1") { $0.count } == nil)
  }
}
