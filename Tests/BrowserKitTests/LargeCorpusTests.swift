import Foundation
import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct LargeCorpusTests {
  /// 10,000 documents of 20 clauses: keypresses must not re-flatten or
  /// re-wrap the whole corpus. The bound only catches blow-ups (a debug
  /// build, also under AddressSanitizer, which makes it 2–3 times slower).
  @Test func keypressesStayCheapOnTenThousandDocuments() {
    let documents = (0..<10_000).map { n in
      Document(
        id: "R\(n)", kind: .resolution, number: "\(n)", title: "Title of resolution \(n)",
        chapter: "Chapter \(n / 1000)", location: TestCorpus.at(n),
        sections: [
          Section(
            heading: "resolves", role: .operative, location: TestCorpus.at(n),
            clauses: (1...20).map {
              Clause(
                label: "\($0)", path: "resolves \($0)",
                text: String(repeating: "words of the clause ", count: 12),
                location: TestCorpus.at(n))
            })
        ])
    }
    var state = BrowserState(corpus: Corpus(documents: documents), columns: 120, rows: 40)
    let start = Date()
    state.press(.character("l"))
    for _ in 0..<200 { state.press(.character("j")) }
    for _ in 0..<50 { state.press(.character("]")) }
    state.goTo("R9999")
    for _ in 0..<100 {
      state.press(.tab)
      _ = Renderer.render(state)
    }
    let elapsed = Date().timeIntervalSince(start)
    #expect(state.document?.id == "R9999")
    #expect(elapsed < 60, "took \(elapsed) s")
  }
}
