import Testing

@testable import ResolutionKit

@Suite struct TermInternerTests {
  private func intern(_ term: String, _ interner: inout TermInterner) -> Int32 {
    // Padded as the tokenizer hands terms over.
    let padded = Array(term.utf8) + Array(repeating: 0xFF, count: SearchTokenizer.termPadding)
    return padded.withUnsafeBufferPointer {
      interner.intern(padded: UnsafeBufferPointer(rebasing: $0.prefix(term.utf8.count)))
    }
  }

  @Test func sameTermSameIdOtherTermsOtherIds() {
    // Terms that share a prefix or differ in length only, and enough of
    // them that the table grows several times.
    var words = ["a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefgi", "abcdefgh0", "zz"]
    for number in 0..<3000 { words.append("term\(number)x\(number % 7)") }
    var interner = TermInterner()
    var ids: [String: Int32] = [:]
    for word in words + words.reversed() + words {
      let id = intern(word, &interner)
      if let known = ids[word] {
        #expect(id == known, "\(word)")
      } else {
        #expect(Int(id) == ids.count, "\(word)")
        ids[word] = id
      }
    }
    #expect(interner.count == words.count)
    #expect(interner.terms == words)
  }

  @Test func longTermsDifferingOnlyAfterTheirFirstEightBytes() {
    // Same first eight bytes and same length: only the arena tells them
    // apart. Lengths past 255 share the slot's capped length field.
    let stem = String(repeating: "x", count: 8)
    var words: [String] = []
    for length in [10, 16, 17, 64, 255, 256, 300] {
      for last in ["a", "b", "é"] {
        words.append(stem + String(repeating: "y", count: length - 8 - last.utf8.count) + last)
      }
    }
    words += ["résolution", "resolution", "résolutions", "\u{0}", "\u{0}\u{0}", ""]
    var interner = TermInterner()
    let first = words.map { intern($0, &interner) }
    #expect(first == words.indices.map { Int32($0) })
    #expect(words.map { intern($0, &interner) } == first)
    #expect(interner.terms == words)
  }
}
