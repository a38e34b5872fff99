import Testing

@testable import ResolutionKit

@Suite struct TermInternerTests {
  private func intern(_ term: String, _ interner: inout TermInterner) -> Int32 {
    Array(term.utf8).withUnsafeBufferPointer { interner.intern($0) }
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
}
