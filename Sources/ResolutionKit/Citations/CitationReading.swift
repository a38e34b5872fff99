/// One analysis of a written citation: the candidate documents, best
/// first, and the pinpoint left once the document part is taken out.
struct CitationReading {
  var documents: [Document] = []
  /// What was written after (or before) the document part.
  var pinpoint = ClauseKey(parts: [])
  /// The exact clause path of a `resbrowse://` link.
  var linkPath: String? = nil

  /// Longest pinpoint compared with clause paths; longer ones are junk.
  static let maximumPinpointParts = 48
  /// Longest bracket group read as a session or revision.
  static let maximumBracketTokens = 16

  static let kindWords: [String: DocumentKind] = [
    "r": .resolution, "res": .resolution, "resol": .resolution, "resolution": .resolution,
    "resolutions": .resolution, "d": .decision, "dec": .decision, "decision": .decision,
    "decisions": .decision,
  ]
  static let bodyWords: Set<String> = [
    "itu", "council", "plenipotentiary", "conference", "pp", "the",
  ]
  static let numberWords: Set<String> = ["no", "nr", "number", "n°", "nº"]
  static let documentWords: Set<String> = ["document", "documents", "doc", "docs", "symbol"]

  init(_ text: String, in corpus: Corpus) {
    if let address = CitationLink.address(in: text) {
      let lowered = address.documentID.lowercased()
      if let document = corpus.document(id: address.documentID)
        ?? corpus.lookup.positionByLowercasedID[lowered].map({ corpus.documents[$0] })
      {
        documents = [document]
        linkPath = address.path
        pinpoint = ClauseKey(path: address.path ?? "")
      }
      return
    }
    var scan = TokenScan(tokens: CitationTokenizer.tokens(Self.withoutQuotation(text)))
    documents = scan.findDocuments(in: corpus)
    pinpoint = scan.remainder
  }

  /// The text with everything from the first quotation mark to the last
  /// removed: the quoted clause of the quote form, the title of the full form.
  static func withoutQuotation(_ text: String) -> Substring {
    let quotes: Set<Unicode.Scalar> = ["\"", "“", "”", "„", "«", "»"]
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: quotes.contains),
      let last = scalars.lastIndex(where: quotes.contains)
    else { return text[...] }
    var result = text[..<first]
    result += " "
    result += text[scalars.index(after: last)...]
    return result[...]
  }

  /// The document's clause this reading names, or its nearest ancestor.
  func match(in document: Document) -> CitationMatch {
    if let linkPath, document.clause(atPath: linkPath) != nil {
      return CitationMatch(
        address: ClauseAddress(documentID: document.id, path: linkPath), pinpointFound: true)
    }
    guard !pinpoint.isEmpty else {
      return CitationMatch(address: ClauseAddress(documentID: document.id), pinpointFound: true)
    }
    let written = pinpoint.joined
    guard pinpoint.parts.count <= Self.maximumPinpointParts else {
      return CitationMatch(
        address: ClauseAddress(documentID: document.id), pinpointFound: false,
        pinpoint: String(written.prefix(80)))
    }
    let clauses = document.allClauses.map { (path: $0.path, key: ClauseKey(path: $0.path)) }
    if let path = Self.find(pinpoint, among: clauses) {
      return CitationMatch(
        address: ClauseAddress(documentID: document.id, path: path), pinpointFound: true)
    }
    var probe = pinpoint
    while let shorter = probe.ancestor {
      probe = shorter
      if let path = Self.find(probe, among: clauses) {
        return CitationMatch(
          address: ClauseAddress(documentID: document.id, path: path), pinpointFound: false,
          pinpoint: written)
      }
    }
    // Only a heading (`considering`): its first clause is the nearest place.
    if let first = clauses.first(where: { $0.key.parts.starts(with: pinpoint.parts) }) {
      return CitationMatch(
        address: ClauseAddress(documentID: document.id, path: first.path), pinpointFound: false,
        pinpoint: written)
    }
    return CitationMatch(
      address: ClauseAddress(documentID: document.id), pinpointFound: false, pinpoint: written)
  }

  /// The path whose key equals `key`, or equals it once `¶` marks are
  /// ignored on both sides (people drop or add them).
  static func find(_ key: ClauseKey, among clauses: [(path: String, key: ClauseKey)]) -> String? {
    if let exact = clauses.first(where: { $0.key == key }) { return exact.path }
    let bare = key.withoutParagraphMarks
    return clauses.first(where: { $0.key.withoutParagraphMarks == bare })?.path
  }
}

extension ClauseKey {
  /// The key of the enclosing clause by numbering: `resolves 1.1` →
  /// `resolves 1`, `resolves 1 a` → `resolves 1`; nil when nothing is left.
  var ancestor: ClauseKey? {
    guard let last = parts.last else { return nil }
    var shorter = parts
    if let dot = last.lastIndex(of: "."), dot != last.startIndex {
      shorter[shorter.count - 1] = String(last[..<dot])
    } else {
      shorter.removeLast()
    }
    return shorter.isEmpty ? nil : ClauseKey(parts: shorter)
  }
}

/// Walks the tokens once per kind of document part, marking what it takes.
private struct TokenScan {
  let tokens: [CitationToken]
  var consumed: [Bool]

  init(tokens: [CitationToken]) {
    self.tokens = tokens
    self.consumed = Array(repeating: false, count: tokens.count)
  }

  var remainder: ClauseKey {
    ClauseKey(tokens: tokens.indices.lazy.filter { !consumed[$0] }.map { tokens[$0] })
  }

  /// Qualifiers read after a document part.
  struct Qualifiers {
    var bracket: String? = nil
    var bodyWords: Set<String> = []
  }

  mutating func findDocuments(in corpus: Corpus) -> [Document] {
    let lookup = corpus.lookup
    var idDocument: Document? = nil
    var numbered: (kind: DocumentKind?, number: String, qualifiers: Qualifiers)? = nil
    var symbolDocuments: [Document] = []
    var symbolIndex: [String: [Document]]? = nil

    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      // Whole-chunk look-ups happen once per chunk, at its first token, so
      // a long chunk of many pieces costs its length once.
      let startsChunk =
        token.chunkNumber >= 0 && (index == 0 || tokens[index - 1].chunkNumber != token.chunkNumber)
      let chunkEnd = startsChunk ? endOfChunk(from: index) : index + 1
      // A document id, as one chunk: R1316, PP-R71, fragment-notes-12.
      if startsChunk, !consumed[index],
        let position = lookup.positionByLowercasedID[token.chunk.lowercased()]
      {
        let document = corpus.documents[position]
        consume(index..<chunkEnd)
        _ = readQualifiers(after: chunkEnd)
        if idDocument == nil { idDocument = document }
        index = chunkEnd
        continue
      }
      // A document symbol: C09/120, Document C20/57-E.
      if startsChunk, !consumed[index], token.chunk.contains("/") {
        if symbolIndex == nil { symbolIndex = Self.symbolIndex(of: corpus) }
        let found = symbolIndex?[Self.symbolStem(token.chunk)] ?? []
        if !found.isEmpty {
          consume(index..<chunkEnd)
          consumeBackward(from: index, while: CitationReading.documentWords)
          _ = readQualifiers(after: chunkEnd)
          if symbolDocuments.isEmpty { symbolDocuments = found }
          index = chunkEnd
          continue
        }
      }
      // A kind word and a number: Res. 1316, Decision 482, R 1208, R1316.
      if token.kind == .word, !consumed[index] {
        var kindNumber: (DocumentKind, String, end: Int)? = nil
        if let kind = CitationReading.kindWords[token.text] {
          // `Resolution 1316`, also `Resolution No. 1316`.
          var next = index + 1
          if next < tokens.count, tokens[next].kind == .word,
            CitationReading.numberWords.contains(tokens[next].text)
          {
            next += 1
          }
          if next < tokens.count, tokens[next].kind == .number, Self.isInteger(tokens[next].text) {
            kindNumber = (kind, tokens[next].text, next + 1)
          }
        }
        if kindNumber == nil, let (kind, number) = Self.splitKindNumber(token.text) {
          kindNumber = (kind, number, index + 1)
        }
        if let (kind, number, end) = kindNumber {
          consume(index..<end)
          var qualifiers = readQualifiers(after: end)
          qualifiers.bodyWords.formUnion(
            consumeBackward(from: index, while: CitationReading.bodyWords))
          if numbered == nil { numbered = (kind, number, qualifiers) }
          index = end
          continue
        }
      }
      index += 1
    }

    if let idDocument { return [idDocument] }
    if let numbered {
      return Self.rank(
        corpus, kind: numbered.kind, number: numbered.number, qualifiers: numbered.qualifiers)
    }
    if !symbolDocuments.isEmpty { return symbolDocuments }
    // A bare number: `1316 resolves 1.1`, `resolves 3 of 1312`.
    if let first = tokens.first, first.kind == .number, Self.isInteger(first.text) {
      consume(0..<1)
      let qualifiers = readQualifiers(after: 1)
      return Self.rank(corpus, kind: nil, number: first.text, qualifiers: qualifiers)
    }
    if tokens.count >= 2, let last = tokens.last, last.kind == .number, Self.isInteger(last.text),
      tokens[tokens.count - 2].kind == .word, tokens[tokens.count - 2].text == "of"
    {
      consume((tokens.count - 1)..<tokens.count)
      return Self.rank(corpus, kind: nil, number: last.text, qualifiers: Qualifiers())
    }
    return []
  }

  private func endOfChunk(from index: Int) -> Int {
    let chunk = tokens[index].chunkNumber
    guard chunk >= 0 else { return index + 1 }
    var end = index + 1
    while end < tokens.count, tokens[end].chunkNumber == chunk { end += 1 }
    return end
  }

  private mutating func consume(_ range: Range<Int>) {
    for index in range { consumed[index] = true }
  }

  /// Takes the words right before `index` while they are in `words`.
  @discardableResult
  private mutating func consumeBackward(from index: Int, while words: Set<String>) -> Set<String> {
    var taken: Set<String> = []
    var probe = index - 1
    while probe >= 0, !consumed[probe], tokens[probe].kind == .word,
      words.contains(tokens[probe].text)
    {
      consumed[probe] = true
      taken.insert(tokens[probe].text)
      probe -= 1
    }
    return taken
  }

  /// After a document part: a bracket group `(C09)` / `(Rev. Dubai, 2018)`,
  /// a bare session code `C09`, and `of the Council`-like phrases.
  private mutating func readQualifiers(after start: Int) -> Qualifiers {
    var qualifiers = Qualifiers()
    var index = start
    while index < tokens.count, tokens[index].kind == .separator { index += 1 }
    if index < tokens.count, tokens[index].kind == .openBracket {
      var close = index + 1
      while close < tokens.count, close - index <= CitationReading.maximumBracketTokens,
        tokens[close].kind != .closeBracket, tokens[close].kind != .openBracket
      {
        close += 1
      }
      if close < tokens.count, tokens[close].kind == .closeBracket {
        let inside = tokens[(index + 1)..<close]
        qualifiers.bracket = Self.normalised(inside.map(\.text).joined())
        qualifiers.bodyWords.formUnion(inside.filter { $0.kind == .word }.map(\.text))
        consume(index..<(close + 1))
        index = close + 1
      }
    } else if index < tokens.count, tokens[index].kind == .word,
      Self.isSessionCode(tokens[index].text)
    {
      qualifiers.bracket = tokens[index].text
      consume(index..<(index + 1))
      index += 1
    }
    // `of the Council`, `of the Plenipotentiary Conference`
    var probe = index
    while probe < tokens.count, tokens[probe].kind == .word,
      tokens[probe].text == "of" || tokens[probe].text == "the"
    {
      probe += 1
    }
    var end = probe
    while end < tokens.count, tokens[end].kind == .word,
      CitationReading.bodyWords.contains(tokens[end].text), tokens[end].text != "the"
    {
      end += 1
    }
    if end > probe {
      qualifiers.bodyWords.formUnion(tokens[probe..<end].map(\.text))
      consume(index..<end)
    }
    return qualifiers
  }

  static func isInteger(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 9 && text.allSatisfy(\.isASCIIDigitLike)
  }

  /// `c09`, `c19`: a Council session code written without brackets.
  static func isSessionCode(_ word: String) -> Bool {
    word.count == 3 && word.hasPrefix("c") && word.dropFirst().allSatisfy(\.isASCIIDigitLike)
  }

  /// `r1316` → (resolution, "1316"); `dec482` → (decision, "482").
  static func splitKindNumber(_ word: String) -> (DocumentKind, String)? {
    guard let digitStart = word.firstIndex(where: \.isASCIIDigitLike), digitStart != word.startIndex
    else { return nil }
    let digits = String(word[digitStart...])
    guard isInteger(digits), let kind = CitationReading.kindWords[String(word[..<digitStart])]
    else {
      return nil
    }
    return (kind, digits)
  }

  /// Lowercased letters and digits only, for comparing sessions and revisions.
  static func normalised(_ text: String) -> String {
    String(
      text.lowercased().unicodeScalars.filter {
        $0.properties.isAlphabetic || ("0"..."9").contains($0)
      })
  }

  /// Documents of this number (and kind when written), best first: a
  /// matching session or revision, a matching body, then Council texts,
  /// resolutions before decisions, in corpus order.
  static func rank(_ corpus: Corpus, kind: DocumentKind?, number: String, qualifiers: Qualifiers)
    -> [Document]
  {
    let wantsConference = !qualifiers.bodyWords.isDisjoint(with: [
      "plenipotentiary", "pp", "conference",
    ])
    let wantsCouncil = qualifiers.bodyWords.contains("council")
    var scored: [(score: Int, position: Int, document: Document)] = []
    for position in corpus.lookup.positionsByNumber[number] ?? [] {
      let document = corpus.documents[position]
      guard document.kind != .fragment else { continue }
      if let kind, document.kind != kind { continue }
      var score = 0
      if let bracket = qualifiers.bracket, !bracket.isEmpty {
        let session = normalised(document.session ?? "")
        let revision = normalised(document.revision ?? "")
        if bracket == session || bracket == revision {
          score += 16
        } else if (!revision.isEmpty && (revision.contains(bracket) || bracket.contains(revision)))
          || (!session.isEmpty && bracket.contains(session))
        {
          score += 8
        }
      }
      let council = Citation.isCouncil(document)
      if wantsConference && !council { score += 4 }
      if wantsCouncil && council { score += 4 }
      if council { score += 1 }
      if kind == nil && document.kind == .resolution { score += 2 }
      scored.append((score, position, document))
    }
    scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
    return scored.map(\.document)
  }

  /// Documents by the symbols their `Ref.:` line lists (ignoring case,
  /// spaces, a language suffix such as `-E` and a `(Rev.1)`).
  static func symbolIndex(of corpus: Corpus) -> [String: [Document]] {
    var index: [String: [Document]] = [:]
    for document in corpus.documents {
      for stem in Set(document.sources.map { symbolStem($0[...]) }) where !stem.isEmpty {
        index[stem, default: []].append(document)
      }
    }
    // A fragment (text before a header) often ends with the previous
    // document's `Ref.:` line; named documents come first.
    return index.mapValues { documents in
      documents.filter { $0.kind != .fragment } + documents.filter { $0.kind == .fragment }
    }
  }

  static func symbolStem(_ symbol: Substring) -> String {
    var stem = symbol.uppercased().filter { !$0.isWhitespace }
    if let bracket = stem.firstIndex(of: "(") { stem = String(stem[..<bracket]) }
    let characters = Array(stem)
    if characters.count >= 3, characters[characters.count - 2] == "-",
      characters.last?.isLetter == true
    {
      stem.removeLast(2)
    }
    return stem
  }
}
