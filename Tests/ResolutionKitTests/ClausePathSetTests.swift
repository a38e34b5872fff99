import Testing

@testable import ResolutionKit

/// The byte-hashed path set must keep `Set<String>`'s idea of equality.
struct ClausePathSetTests {
  /// Which of the paths were new when inserted in order.
  private func insertions(_ paths: [String], into set: inout ClausePathSet) -> [Bool] {
    paths.map { set.insert($0) }
  }

  @Test func plainPathsAreFoundByTheirBytes() {
    var paths = ClausePathSet()
    let inserted = insertions(
      ["resolves 1", "resolves 1", "resolves ¶1", "resolves ¶1", "resolves ¶12"], into: &paths)
    #expect(inserted == [true, false, true, false, true])
    #expect(paths.contains("resolves ¶1"))
    #expect(!paths.contains("resolves ¶2"))
    #expect(!paths.contains("resolves 1 (2)"))
    #expect(paths.count == 3)
  }

  @Test func growsPastItsInitialCapacity() {
    var paths = ClausePathSet(minimumCapacity: 1)
    let all = (0..<5_000).map { "Annex 1, \($0).1 a)" }
    #expect(insertions(all, into: &paths).allSatisfy { $0 })
    #expect(all.allSatisfy { paths.contains($0) })
    #expect(!paths.contains("Annex 1, 5000.1 a)"))
    #expect(paths.count == 5_000)
  }

  @Test func canonicallyEquivalentPathsAreTheSame() {
    var paths: ClausePathSet = ["considering a)"]
    // Precomposed then decomposed é; then a path inserted before the set
    // moved to strings.
    let inserted = insertions(
      ["considering caf\u{E9} 1", "considering cafe\u{301} 1", "considering a)"], into: &paths)
    #expect(inserted == [true, false, false])
    #expect(paths.contains("considering a)"))
    // The Kelvin sign is canonically a plain K.
    var kelvin: ClausePathSet = ["K 1"]
    #expect(insertions(["\u{212A} 1"], into: &kelvin) == [false])
  }

  @Test func duplicateHeadingsGiveNumberedPaths() {
    var builder = ClauseTreeBuilder(heading: "resolves", usedPaths: [])
    let location = SourceLocation(file: "f", line: 1)
    builder.add(ClauseItem(marker: .none, text: "one", location: location))
    var clauses = builder.build()
    builder.restart(heading: "resolves")
    builder.add(ClauseItem(marker: .none, text: "two", location: location))
    builder.add(ClauseItem(marker: .none, text: "three", location: location))
    clauses += builder.build()
    #expect(clauses.map(\.path) == ["resolves ¶1", "resolves ¶1 (2)", "resolves ¶2"])
    #expect(builder.diagnostics.count == 1)
  }
}
