import Dispatch
import Foundation
import Testing

@testable import ResolutionKit

/// Clause texts kept with their words coded (`WordCoding`) read back byte
/// for byte, whatever they hold, and take less room than plain text.
@Suite struct WordCodingTests {
  /// Codes `text` with `codebook` and decodes it again.
  private func roundTrip(_ text: String, _ codebook: WordCodebook) -> (decoded: String, coded: Int)
  {
    var text = text
    return text.withUTF8 { bytes in
      let coded = UnsafeMutablePointer<UInt8>.allocate(
        capacity: WordCoding.maximumCodedCount(of: bytes.count))
      defer { coded.deallocate() }
      let codedCount = WordCoding.encode(bytes, into: coded, codebook: codebook)
      let decoded = String(
        unsafeUninitializedCapacity: WordCoding.decodingCapacity(of: bytes.count)
      ) { output in
        WordCoding.decode(coded, count: bytes.count, codebook: codebook, into: output.baseAddress!)
        return bytes.count
      }
      #expect(codedCount <= WordCoding.maximumCodedCount(of: bytes.count))
      return (decoded, codedCount)
    }
  }

  @Test(arguments: [
    "",
    "a",
    "resolves",
    "the Council, considering a) that",
    "  two  spaces,\tthen a tab\nand a line; trailing space ",
    "Secretary-General of the Union (Rev. Guadalajara, 2010)",
    "Document C09/120 and Resolution 1300, resolves 1.1 b)",
    "Conférence de plénipotentiaires: Résolution 71 (Rév. Dubaï, 2018)",
    "Совет МСЭ, учитывая, что резолюция 1316 постановляет",
    "理事会 決議 1316 emoji 🙂 then words",
    "é a é a é a é a",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa long word beside short ones",
    "\u{1B}[31mred\u{1B}[0m and \u{7F} controls",
    "x y z x y z x y z",
    // Words of 16 to 32 letters are numbered by their letters kept apart;
    // two that share their first 15 letters are two words.
    "internationalisationsprocess internationalisationsprocesses"
      + " internationalisationsprocess",
  ])
  func textsReadBackByteForByte(_ text: String) {
    let codebook = WordCodebook()
    #expect(roundTrip(text, codebook).decoded == text)
    // Again, now that its words are numbered.
    #expect(roundTrip(text, codebook).decoded == text)
  }

  /// The index reads coded text in parts (`WordCoding.forEachPart`): the
  /// terms are those of the plain text, whatever stands next to a word.
  @Test(arguments: [
    "the Council, considering a) that",
    "Document C09/120 and C1441/18; 2012-2015 plan",
    "Secretary-General of the Union",
    "inter\u{AD}national telecommunication",
    "Conférence de plénipotentiaires, Résolution 71 (Rév. Dubaï, 2018)",
    "Совет МСЭ resolves 1316 abc123def x",
    "  leading and trailing  ",
    "word",
    "1st 2nd ITU-D ITU-R ICTs",
  ])
  func codedTextGivesThePlainTextsTerms(_ text: String) {
    let codebook = WordCodebook()
    var plain = text
    var tokenizer = SearchTokenizer()
    let expected = tokenizer.terms(of: text)
    var terms: [String] = []
    var words = 0
    plain.withUTF8 { bytes in
      let coded = UnsafeMutablePointer<UInt8>.allocate(
        capacity: WordCoding.maximumCodedCount(of: bytes.count))
      defer { coded.deallocate() }
      _ = WordCoding.encode(bytes, into: coded, codebook: codebook)
      WordCoding.forEachPart(
        of: coded, count: bytes.count, codebook: codebook,
        text: { part in
          tokenizer.forEachTermBytes(inUTF8: part) { term, _ in
            terms.append(String(decoding: term, as: UTF8.self))
          }
        },
        word: { number in
          let (letters, length) = codebook.letters(number)
          terms.append(
            String(decoding: UnsafeBufferPointer(start: letters, count: length), as: UTF8.self)
              .lowercased())
          words += 1
        })
    }
    #expect(terms == expected)
    // Words stand alone in most texts.
    if text.hasPrefix("the Council") { #expect(words == 5) }
  }

  @Test func wordsAndTheSpacesBetweenThemTakeLessRoom() {
    let codebook = WordCodebook()
    let text = String(
      repeating: "the Council instructs the Secretary-General to report on the implementation ",
      count: 20)
    let (decoded, coded) = roundTrip(text, codebook)
    #expect(decoded == text)
    #expect(coded * 4 < text.utf8.count)
  }

  @Test func textWithoutWordsIsNotMuchLonger() {
    let codebook = WordCodebook()
    let text = String(repeating: "Совет МСЭ, 1316. ", count: 100)
    let (decoded, coded) = roundTrip(text, codebook)
    #expect(decoded == text)
    // One count and mark per run of 255 bytes.
    #expect(coded <= text.utf8.count + 2 * (text.utf8.count / 255 + 1))
  }

  /// Numbers of every code length: one byte up to 64 words, two up to
  /// 12,352, three up to 798,784, four beyond.
  @Test func wordsOfEveryCodeLengthReadBack() {
    let codebook = WordCodebook()
    func word(_ number: Int) -> String {
      var letters: [UInt8] = []
      var rest = number
      repeat {
        letters.append(UInt8(ascii: "a") + UInt8(rest % 26))
        rest /= 26
      } while rest > 0
      return String(decoding: letters, as: UTF8.self)
    }
    // Number 800,010 words, then code words from each range.
    var all = ""
    for number in 0..<800_010 {
      all += word(number)
      all += " "
      if all.utf8.count > 1 << 16 {
        #expect(roundTrip(all, codebook).decoded == all)
        all = ""
      }
    }
    #expect(roundTrip(all, codebook).decoded == all)
    #expect(codebook.count == 800_010)
    let sample = [0, 63, 64, 12_351, 12_352, 798_783, 798_784, 800_009].map { word($0) }
    let text = sample.joined(separator: " ") + ", " + sample.reversed().joined(separator: " ")
    #expect(roundTrip(text, codebook).decoded == text)
  }

  /// Texts coded by the parse are read on other threads while the same
  /// codebooks take new words for another parse.
  @Test func codedTextsAreReadWhileOtherTextsAreCoded() {
    @Sendable func source(_ seed: Int) -> SourceText {
      var text = ""
      for number in 0..<200 {
        text += "R \(seed + number) Title \(seed)\n\nThe Council,\n\nresolves\n\n"
        text += "1 word\(seed)x\(number) and the Council resolves to act;\n\n"
      }
      return SourceText(name: "word-coding/\(seed).txt", text: text)
    }
    let first = DocumentParser.parse(source(1000), pieces: 4)
    let expected = first.documents.map { $0.sections[0].clauses[0].text }
    let readers = Slots<[String]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { task in
      if task == 0 {
        readers.set(0, first.documents.map { $0.sections[0].clauses[0].text })
      } else {
        let second = DocumentParser.parse(source(5000), pieces: 4)
        readers.set(1, second.documents.map { $0.sections[0].clauses[0].text })
      }
    }
    let values = readers.takeValues()
    #expect(values[0] == expected)
    #expect(values[1].first == "word5000x0 and the Council resolves to act;")
    #expect(values[1].count == 200)
  }

  @Test func parsedTextsAreStoredCoded() {
    let corpus = Corpus(
      documents: DocumentParser.parse(
        SourceText(
          name: "word-coding/stored.txt",
          text: """
            R 1 Title

            The Council,

            resolves

            1 that the Council of the Union resolves that the Council of the Union acts;

            2 that the Council of the Union resolves that the Council of the Union acts.
            """)
      ).documents)
    let plain = corpus.documents[0].sections[0].clauses.reduce(0) { $0 + $1.text.utf8.count }
    let stored = corpus.storedTextByteCounts
    #expect(stored.texts > 0)
    #expect(stored.texts * 2 < plain)
    #expect(stored.codebooks > 0)
  }
}
