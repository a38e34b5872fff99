import Foundation
import Testing

@testable import BrowserKit

@Suite struct ReadmeKeyTableTests {
  static var readme: String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  /// README's key table is the one the help overlay is drawn from.
  @Test func readmeKeyTableIsTheKeyMap() throws {
    let readme = Self.readme
    let begin = try #require(readme.range(of: "<!-- keys:begin -->\n"))
    let end = try #require(
      readme.range(of: "<!-- keys:end -->", range: begin.upperBound..<readme.endIndex))
    var table = String(readme[begin.upperBound..<end.lowerBound])
    if table.hasSuffix("\n") { table.removeLast() }
    let expected = KeyMap.standard.markdownTable
    #expect(table == expected, "README's key table should read:\n\(expected)")
  }

  @Test func everyActionHasAKey() {
    for action in Action.allCases {
      #expect(!KeyMap.standard.keys(for: action).isEmpty, "\(action) has no key")
    }
  }
}
