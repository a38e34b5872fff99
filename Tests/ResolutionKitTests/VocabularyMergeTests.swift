import Testing

@testable import ResolutionKit

@Suite struct VocabularyMergeTests {
  /// What the merge replaced: a set union, sorted, and a dictionary.
  private func plainMerge(_ chunks: [[String]]) -> VocabularyMerge.Result {
    let terms = Set(chunks.joined()).sorted()
    var id: [String: Int32] = [:]
    for (index, term) in terms.enumerated() { id[term] = Int32(index) }
    return VocabularyMerge.Result(
      terms: terms, localToGlobal: chunks.map { $0.map { id[$0] ?? -1 } })
  }

  @Test(arguments: [0, 1, 2, 3, 5, 8, 13])
  func matchesAPlainMergeOnRandomVocabularies(chunkCount: Int) {
    var state: UInt64 = 0x5EED &+ UInt64(chunkCount)
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let alphabet = ["a", "b", "z", "0", "9", "é", "ß", "ﬁ"]
    var chunks: [[String]] = []
    for _ in 0..<chunkCount {
      var seen = Set<String>()
      var terms: [String] = []
      for _ in 0..<next(300) {
        let term = (0...next(4)).map { _ in alphabet[next(alphabet.count)] }.joined()
        if seen.insert(term).inserted { terms.append(term) }
      }
      chunks.append(terms)
    }
    let merged = VocabularyMerge.merge(chunks, orders: chunks.map(VocabularyMerge.sortedOrder))
    let plain = plainMerge(chunks)
    #expect(merged.terms == plain.terms)
    #expect(merged.localToGlobal == plain.localToGlobal)
  }

  /// The eight-byte keys order exactly as `String` does: long shared
  /// prefixes (the keys tie), prefixes of each other (the padding), and
  /// non-ASCII terms, one with an ASCII start that composes with what
  /// follows (`cafe` + U+0301 is `café`, not `cafe…`).
  @Test func sortedOrderIsStringOrder() {
    var terms = [
      "telecommunication", "telecommunications", "telecom", "tele", "t", "te", "z", "a",
      "0", "09", "9", "abcdefgh", "abcdefghi", "abcdefgg", "abcdefgz", "cafe", "cafez",
      "cafe\u{301}", "caf\u{E9}", "\u{E9}t\u{E9}", "\u{DF}", "\u{FB01}", "zz\u{E9}", "zz",
    ]
    var state: UInt64 = 42
    for _ in 0..<500 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 60) + 1
      terms.append(
        String(
          (0..<length).map { offset in
            Character(
              UnicodeScalar(UInt8(0x61 + Int(state >> UInt64(8 + 3 * offset)) % 3)))
          }))
    }
    let distinct = Array(Set(terms))
    let ordered = VocabularyMerge.sortedOrder(distinct).map { distinct[$0] }
    #expect(ordered == distinct.sorted())
  }

  @Test func canonicallyEqualTermsShareAnID() {
    // Distinct bytes, equal strings: one term, as the set gave.
    let composed = "\u{E9}t\u{E9}"
    let decomposed = "e\u{301}te\u{301}"
    let merged = VocabularyMerge.merge(
      [[decomposed, "a"], [composed, "b"]],
      orders: [[decomposed, "a"], [composed, "b"]].map(VocabularyMerge.sortedOrder))
    #expect(merged.terms.count == 3)
    #expect(merged.localToGlobal[0][0] == merged.localToGlobal[1][0])
    #expect(
      merged.localToGlobal == plainMerge([[decomposed, "a"], [composed, "b"]]).localToGlobal)
  }
}
