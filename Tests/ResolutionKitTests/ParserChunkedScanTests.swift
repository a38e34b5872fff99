import Foundation
import Testing

@testable import ResolutionKit

/// Big texts are split into lines and searched for no-break spaces in
/// chunks on all cores; the result must not depend on where chunks fall.
@Suite struct ParserChunkedScanTests {
  /// Lines of every kind and break: LF, CRLF, CR, form feeds, stars,
  /// accents, NBSP and narrow NBSP, blank lines and trailing spaces.
  static let text: String = {
    let pieces = [
      "R 1316 Title\n", "The Council,\r\n", "\r\n", "considering\r", "1\tthat\u{00A0}x;  \n",
      "\u{0C}Page 3\n", "a)\u{202F}é*\n", "   \n", "ÉÉÉ — ½\r\n", "x\n\n\n",
    ]
    var text = ""
    var index = 0
    while text.utf8.count < 300_000 {
      text += pieces[index % pieces.count]
      // Lines of many lengths, so chunk ends land everywhere.
      text += String(repeating: "w", count: index % 37) + "\n"
      index += 1
    }
    return text + "last line without a break"
  }()

  @Test(arguments: [2, 3, 7, 16, 64])
  func chunkedLinesEqualOnePass(chunks: Int) {
    let once = SourceLines.rawLines(Self.text, chunks: 1)
    #expect(once.count > 20_000)
    #expect(SourceLines.rawLines(Self.text, chunks: chunks) == once)
  }

  @Test(arguments: [1, 2, 3, 7, 64])
  func noBreakSpacesAreReplacedWherever(chunks: Int) {
    let expected = Self.text.replacingOccurrences(of: "\u{00A0}", with: " ")
      .replacingOccurrences(of: "\u{202F}", with: " ")
    #expect(SourceLines.replacingNoBreakSpaces(Self.text, chunks: chunks) == expected)
    // A text without any comes back as it is, and one only at the very end.
    let plain = String(repeating: "abc é\n", count: 50_000)
    #expect(SourceLines.replacingNoBreakSpaces(plain, chunks: chunks) == plain)
    #expect(
      SourceLines.replacingNoBreakSpaces(plain + "\u{202F}", chunks: chunks) == plain + " ")
  }

  @Test func crlfAcrossAChunkEndStaysOneBreak() {
    // Chunks end after a LF: a CR just before the nominal cut stays paired.
    let text = String(repeating: "a", count: 99) + "\r\n" + String(repeating: "b", count: 99)
    for chunks in 1...8 {
      let lines = SourceLines.rawLines(text, chunks: chunks)
      #expect(lines.count == 2)
      #expect(lines.map(\.start) == [0, 101])
    }
  }
}
