import Testing

@testable import ResolutionKit

@Suite struct SearchTokenizerTests {
  /// Terms with their byte ranges, read one byte at a time or eight.
  private func tokens(_ text: String, readsWords: Bool) -> [String] {
    var tokenizer = SearchTokenizer()
    tokenizer.readsWords = readsWords
    var result: [String] = []
    tokenizer.forEachToken(in: text) { term, range in
      result.append("\(term)@\(range.lowerBound)-\(range.upperBound)")
    }
    return result
  }

  @Test func foldsAndSplits() {
    var tokenizer = SearchTokenizer()
    #expect(
      tokenizer.terms(of: "Résolution SECRETARY-General C09/108 2012-2015 ﬁnal naïve Straße")
        == [
          "resolution", "secretary", "general", "c09", "108", "2012", "2015", "final", "naive",
          "strasse",
        ])
    #expect(tokenizer.terms(of: "pro\u{AD}tection¹ a)b") == ["protection", "a", "b"])
    #expect(tokenizer.terms(of: "") == [])
  }

  @Test func handsTermsOverWithPaddingAfterThem() {
    // Under AddressSanitizer (the CI's second run), reading past the
    // padding of any term is an error: ASCII, folded, and folded terms too
    // long for the scratch (32 characters of many combining marks each).
    let marks = String(repeating: "\u{301}", count: 12)
    let longFolded = String(repeating: "e" + marks, count: 40)
    let text = "ab Résolution naïve \(String(repeating: "x", count: 300)) \(longFolded) ﬁ"
    var tokenizer = SearchTokenizer()
    var terms: [String] = []
    var padding: [UInt64] = []
    tokenizer.forEachTermBytes(in: text) { term, _ in
      terms.append(String(decoding: term, as: UTF8.self))
      if let base = term.baseAddress {
        padding.append(
          UnsafeRawPointer(base + term.count + SearchTokenizer.termPadding - 8)
            .loadUnaligned(as: UInt64.self))
      }
    }
    #expect(terms.count == 6)
    #expect(padding.count == 6)
    #expect(terms.prefix(3) == ["ab", "resolution", "naive"])
    #expect(terms[3] == String(repeating: "x", count: SearchTokenizer.maximumTermLength))
    #expect(terms.last == "fi")
  }

  @Test func reportsUTF8Ranges() {
    var tokenizer = SearchTokenizer()
    var ranges: [Range<Int>] = []
    tokenizer.forEachToken(in: "é ab") { _, range in ranges.append(range) }
    #expect(ranges == [0..<2, 3..<5])
  }

  @Test func foldsAndSplitsASCII() {
    var tokenizer = SearchTokenizer()
    #expect(
      tokenizer.terms(of: "The Secretary-General, C09/108 (Rev.1) 2012-2015 ZZ9")
        == ["the", "secretary", "general", "c09", "108", "rev", "1", "2012", "2015", "zz9"])
    #expect(tokenizer.terms(of: "@[`{/:") == [])
  }

  @Test func wordsAcrossEightByteBoundariesMatchTheBytePath() {
    let samples = [
      "abcdefgh", "abcdefghi", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "a",
      "aB9-Cd@Ef`Gh{Ij/Kl:Mn[",
      "Résolution sur l'Union internationale des télécommunications", "naïve café ﬁnal",
      "co\u{00AD}operation co\u{00AD}", "12345678\u{00E9}9", "\u{1F600}abcdefgh\u{1F600}",
      String(repeating: "x", count: 300) + " tail", String(repeating: "ab", count: 40),
      String(repeating: "é", count: 200), "\u{0}\u{7F}\u{80}abcdefgh\u{7F}",
    ]
    for sample in samples {
      #expect(tokens(sample, readsWords: true) == tokens(sample, readsWords: false), "\(sample)")
    }
  }

  @Test func randomTextMatchesTheBytePath() {
    // Bytes chosen near the letter and digit edges, with separators and
    // multi-byte letters, in a fixed pseudo-random order.
    let alphabet: [String] = [
      "/", "0", "9", ":", "@", "A", "Z", "[", "`", "a", "z", "{", " ", "-", "\u{7F}", "é", "Ω",
      "\u{00AD}", "\u{2014}", "m", "M", "5",
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int(state % 90) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += alphabet[Int(state >> 33) % alphabet.count]
      }
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      #expect(tokens(text, readsWords: true) == tokens(text, readsWords: false), "\(text)")
    }
  }

  @Test func asciiWordBytesMarksLettersAndDigitsOnly() {
    for value in 0..<256 {
      let byte = UInt8(value)
      // The byte in lane 3 of a word of separators.
      let word = UInt64(0x2020_2020_2020_2020) & ~(0xFF << 24) | UInt64(byte) << 24
      let (wordBytes, lowered) = SearchTokenizer.asciiWordBytes(word)
      let isWord = byte < 0x80 && SearchTokenizer.isASCIIWordByte(byte)
      #expect((wordBytes >> 24) & 0xFF == (isWord ? 0x80 : 0), "byte \(value)")
      #expect(wordBytes & ~(0xFF << 24) == 0, "byte \(value)")
      if isWord {
        let expected = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        #expect(UInt8((lowered >> 24) & 0xFF) == expected, "byte \(value)")
      }
    }
  }
}
