import Testing

@testable import ResolutionKit

@Suite struct ParserSeedTests {
  @Test func seedParsesToTheExpectedTree() throws {
    let parsed = try ParserFixtures.parse("seed.txt")
    print(parsed.documents.flatMap(outline).joined(separator: "\n"))
    print(parsed.diagnostics)
    #expect(parsed.documents.count == 2)
  }
}
