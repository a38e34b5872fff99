import Testing

@testable import ResolutionKit

/// The byte-hashed path set must keep `Set<String>`'s idea of equality.
struct ClausePathSetTests {
  @Test func plainPathsAreFoundByTheirBytes() {
    var paths = ClausePathSet()
    #expect(paths.insert("resolves 1"))
    #expect(!paths.insert("resolves 1"))
    #expect(paths.insert("resolves ¶1"))
    #expect(!paths.insert("resolves ¶1"))
    #expect(paths.insert("resolves ¶12"))
    #expect(paths.contains("resolves ¶1"))
    #expect(!paths.contains("resolves ¶2"))
    #expect(!paths.contains("resolves 1 (2)"))
    #expect(paths.count == 3)
  }

  @Test func growsPastItsInitialCapacity() {
    var paths = ClausePathSet(minimumCapacity: 1)
    for number in 0..<5_000 { #expect(paths.insert("Annex 1, \(number).1 a)")) }
    for number in 0..<5_000 { #expect(paths.contains("Annex 1, \(number).1 a)")) }
    #expect(!paths.contains("Annex 1, 5000.1 a)"))
    #expect(paths.count == 5_000)
  }

  @Test func canonicallyEquivalentPathsAreTheSame() {
    var paths: ClausePathSet = ["considering a)"]
    #expect(paths.insert("considering caf\u{E9} 1"))
    #expect(!paths.insert("considering cafe\u{301} 1"))
    // Paths inserted before the switch to strings are still there.
    #expect(!paths.insert("considering a)"))
    #expect(paths.contains("considering a)"))
    // The Kelvin sign is canonically a plain K.
    var kelvin: ClausePathSet = ["K 1"]
    #expect(!kelvin.insert("\u{212A} 1"))
  }

  @Test func duplicateHeadingsGiveNumberedPaths() {
    var builder = ClauseTreeBuilder(heading: "resolves", usedPaths: [])
    let location = SourceLocation(file: "f", line: 1)
    builder.add(ClauseItem(marker: .none, text: "one", location: location))
    var first = builder.build()
    builder.restart(heading: "resolves")
    builder.add(ClauseItem(marker: .none, text: "two", location: location))
    builder.add(ClauseItem(marker: .none, text: "three", location: location))
    first += builder.build()
    #expect(first.map(\.path) == ["resolves ¶1", "resolves ¶1 (2)", "resolves ¶2"])
    #expect(builder.diagnostics.count == 1)
  }
}
