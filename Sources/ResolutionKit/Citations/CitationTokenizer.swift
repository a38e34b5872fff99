/// One piece of a written citation or clause path.
struct CitationToken: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    /// Letters (possibly with digits): `resolves`, `c09`, `r1316`.
    case word
    /// Digits and dots starting with a digit: `1316`, `1.1`.
    case number
    case openBracket
    case closeBracket
    /// `,` `;` `:` and other separators.
    case separator
    /// `¶`: an unlabelled paragraph's ordinal follows.
    case paragraphMark
  }

  var kind: Kind
  /// Lowercased for words; as written for numbers.
  var text: String
  /// The whole whitespace-delimited chunk this token came from, as written
  /// with outer punctuation trimmed (for id and document-symbol look-ups).
  var chunk: Substring
  /// Which chunk of the text it came from (tokens of one chunk share it);
  /// -1 for punctuation.
  var chunkNumber: Int
}

/// Splits text into citation tokens in one pass (no regular expressions,
/// so any input costs time linear in its length).
enum CitationTokenizer {
  static func tokens(_ text: Substring) -> [CitationToken] {
    var tokens: [CitationToken] = []
    var chunkStart: String.Index? = nil
    var chunkCount = 0

    func flushChunk(upTo end: String.Index) {
      guard let start = chunkStart else { return }
      chunkStart = nil
      appendChunk(text[start..<end], number: chunkCount, to: &tokens)
      chunkCount += 1
    }

    // Unicode scalars rather than Characters: no grapheme breaking, so
    // long garbage costs little.
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if isChunkScalar(scalar) {
        if chunkStart == nil { chunkStart = index }
      } else {
        flushChunk(upTo: index)
        switch scalar {
        case "(", "[", "{":
          tokens.append(CitationToken(kind: .openBracket, text: "(", chunk: "", chunkNumber: -1))
        case ")", "]", "}":
          tokens.append(CitationToken(kind: .closeBracket, text: ")", chunk: "", chunkNumber: -1))
        case "¶":
          tokens.append(CitationToken(kind: .paragraphMark, text: "¶", chunk: "", chunkNumber: -1))
        case "§": break  // a section sign only says "paragraph"
        default:
          if !scalar.properties.isWhitespace {
            tokens.append(CitationToken(kind: .separator, text: ",", chunk: "", chunkNumber: -1))
          }
        }
      }
      index = scalars.index(after: index)
    }
    flushChunk(upTo: text.endIndex)
    return tokens
  }

  private static func isChunkScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", "'": return true
      default: return false
      }
    }
    if splitters.contains(scalar) || scalar == "’" { return true }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  /// Where a chunk splits into pieces: hyphens, dots and slashes.
  private static let splitters: Set<Unicode.Scalar> = ["-", ".", "/", "‐", "–"]

  private static let trimmed: Set<Unicode.Scalar> = [".", "-", "/", "'", "’", "_", "‐", "–"]

  /// A chunk becomes one number, or words split at hyphens and dots
  /// (`Secretary-General` = `Secretary General`, `Res.1316` = `Res. 1316`).
  private static func appendChunk(
    _ raw: Substring, number: Int, to tokens: inout [CitationToken]
  ) {
    var chunk = raw
    while let first = chunk.unicodeScalars.first, trimmed.contains(first) {
      chunk = Substring(chunk.unicodeScalars.dropFirst())
    }
    while let last = chunk.unicodeScalars.last, trimmed.contains(last) {
      chunk = Substring(chunk.unicodeScalars.dropLast())
    }
    guard !chunk.isEmpty else { return }
    if isLabelNumber(chunk) {
      tokens.append(
        CitationToken(kind: .number, text: String(chunk), chunk: chunk, chunkNumber: number))
      return
    }
    var pieceStart = chunk.startIndex
    var index = chunk.startIndex
    func flushPiece(upTo end: String.Index) {
      let piece = chunk[pieceStart..<end]
      guard !piece.isEmpty else { return }
      if piece.allSatisfy(\.isASCIIDigitLike) {
        tokens.append(
          CitationToken(kind: .number, text: String(piece), chunk: chunk, chunkNumber: number))
      } else {
        tokens.append(
          CitationToken(kind: .word, text: piece.lowercased(), chunk: chunk, chunkNumber: number))
      }
    }
    let scalars = chunk.unicodeScalars
    while index < scalars.endIndex {
      if splitters.contains(scalars[index]) {
        flushPiece(upTo: index)
        pieceStart = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    flushPiece(upTo: chunk.endIndex)
  }

  /// `1`, `1.1`, `12.3.4`: digits separated by single dots.
  private static func isLabelNumber(_ chunk: Substring) -> Bool {
    guard let first = chunk.first, first.isASCIIDigitLike else { return false }
    var previousWasDot = false
    for character in chunk {
      if character == "." {
        if previousWasDot { return false }
        previousWasDot = true
      } else if character.isASCIIDigitLike {
        previousWasDot = false
      } else {
        return false
      }
    }
    return true
  }
}

extension Character {
  var isASCIIDigitLike: Bool { isASCII && isNumber }
}

/// The comparable form of a clause path or of what a user wrote after the
/// document: words and numbers, lowercased, punctuation and filler dropped.
struct ClauseKey: Hashable, Sendable {
  var parts: [String]

  /// Words that carry no pinpoint meaning in a written citation.
  static let fillerWords: Set<String> = [
    "para", "paras", "paragraph", "paragraphs", "par", "of", "in", "at", "op", "pinpoint",
    "cf", "see", "sub", "subparagraph", "the",
  ]

  init(parts: [String]) { self.parts = parts }

  init(tokens: some Sequence<CitationToken>) {
    var parts: [String] = []
    for token in tokens {
      switch token.kind {
      case .word: if !Self.fillerWords.contains(token.text) { parts.append(token.text) }
      case .number: parts.append(token.text)
      case .paragraphMark: parts.append("¶")
      case .openBracket, .closeBracket, .separator: break
      }
    }
    self.parts = parts
  }

  init(path: String) {
    self.init(tokens: CitationTokenizer.tokens(path[...]))
  }

  var withoutParagraphMarks: ClauseKey { ClauseKey(parts: parts.filter { $0 != "¶" }) }
  var isEmpty: Bool { parts.isEmpty }
  var joined: String { parts.joined(separator: " ") }
}
