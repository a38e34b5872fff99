// Coverage accounting (issue 9)
// =============================
// Every word of the input must reach the model (a title, header number or
// revision, authority, heading, label, clause text, footnote, annex heading
// or title, the `Ref.:` line, a chapter), be on a line removed as page
// noise, or be named in a diagnostic. Words are whitespace-separated tokens,
// compared without case, surrounding punctuation, footnote marks (`¹`, `*`)
// or a leading list label (`a)that`). A word hyphenated across a line break
// counts once. List markers and bullets (`1.`, `a)`, `(ii)`, `-`, `•`) and
// punctuation alone count as accounted: they are labels or debris.

/// How much of each file's text reached the model.
public struct CoverageReport: Sendable {
  public struct UnaccountedWord: Hashable, Sendable {
    public var word: String
    public var line: Int
  }

  public struct FileCoverage: Sendable {
    public var file: String
    /// Words on lines that were not removed as page noise.
    public var inputWords: Int
    /// Of those, the words found in the model.
    public var accountedWords: Int
    /// Words not found in the model, with their lines, in reading order.
    public var unaccounted: [UnaccountedWord]
    /// Lines removed as page noise, with reasons.
    public var removedLines: [RemovedLine]

    /// Accounted share of the input words, 0…1 (1 for an empty file).
    public var share: Double {
      inputWords == 0 ? 1 : Double(accountedWords) / Double(inputWords)
    }
  }

  public var files: [FileCoverage]

  /// The coverage of `sources` in `corpus` (built from them): files are
  /// matched by name.
  public init(corpus: Corpus, sources: [SourceText]) {
    var documentsByFile: [String: [Document]] = [:]
    for document in corpus.documents {
      documentsByFile[document.location.file, default: []].append(document)
    }
    let removedByFile = Dictionary(
      corpus.files.map { ($0.name, $0.removedLines) }, uniquingKeysWith: { first, _ in first })
    files = sources.map { source in
      Self.measure(
        source, documents: documentsByFile[source.name] ?? [],
        removed: removedByFile[source.name] ?? [])
    }
  }

  /// Reads and parses the files and folders as `CorpusLoader.load` does,
  /// and measures their coverage.
  public static func measure(paths: [String]) -> (CoverageReport, [LoadError]) {
    let (texts, _, errors) = CorpusLoader.readSources(paths: paths)
    let corpus = Corpus.build(from: texts)
    return (CoverageReport(corpus: corpus, sources: texts), errors)
  }

  /// A plain text report: one line per file with its share, then the
  /// unaccounted words and the removed lines.
  public var rendered: String {
    var out = ""
    for file in files {
      let percent = (file.share * 1000).rounded() / 10
      out +=
        "\(file.file): \(percent)% of \(file.inputWords) words in the model, "
        + "\(file.inputWords - file.accountedWords) not, "
        + "\(file.removedLines.count) lines removed\n"
      for word in file.unaccounted {
        out += "  not in the model: line \(word.line): \(word.word.terminalSafe)\n"
      }
      for line in file.removedLines {
        out += "  removed: line \(line.line) (\(line.reason)): \(line.text.terminalSafe)\n"
      }
    }
    return out
  }

  // MARK: - Counting

  private static func measure(_ source: SourceText, documents: [Document], removed: [RemovedLine])
    -> FileCoverage
  {
    var available: [String: Int] = [:]
    for document in documents {
      for text in modelTexts(document) {
        for token in tokens(text) {
          let key = normalised(token)
          if !key.isEmpty { available[key, default: 0] += 1 }
        }
      }
    }
    // Lines removed whole (not a form feed on a line that has text).
    var noiseLines = Set<Int>()
    for line in removed where line.reason != "form feed" { noiseLines.insert(line.line) }

    let prepared = PreparedText(source.text)
    let text = prepared.text
    let utf8 = text.utf8
    var lineTokens: [(line: Int, tokens: [Substring])] = []
    for (index, raw) in prepared.rawLines.enumerated() where !noiseLines.contains(index + 1) {
      let start = utf8.index(utf8.startIndex, offsetBy: raw.textStart)
      let end = utf8.index(utf8.startIndex, offsetBy: raw.textEnd)
      let words = tokens(text[start..<end])
      if !words.isEmpty { lineTokens.append((index + 1, words)) }
    }

    var coverage = FileCoverage(
      file: source.name, inputWords: 0, accountedWords: 0, unaccounted: [], removedLines: removed)
    func take(_ key: String) -> Bool {
      guard let count = available[key], count > 0 else { return false }
      available[key] = count - 1
      return true
    }
    var carried: Substring?
    for (position, entry) in lineTokens.enumerated() {
      for (index, token) in entry.tokens.enumerated() {
        if index == 0, let previous = carried {
          carried = nil
          // `imple-` + `mentation` or `Secretary-` + `General`: one word.
          let dropped = normalised(Substring(String(previous.dropLast()) + String(token)))
          let kept = normalised(Substring(String(previous) + String(token)))
          if take(dropped) || take(kept) {
            coverage.inputWords += 1
            coverage.accountedWords += 1
            continue
          }
          account(previous, line: entry.line - 1, &coverage, take)
        }
        if index == entry.tokens.count - 1, position + 1 < lineTokens.count, isBrokenWord(token) {
          carried = token
          continue
        }
        account(token, line: entry.line, &coverage, take)
      }
    }
    if let previous = carried {
      account(previous, line: lineTokens.last?.line ?? 0, &coverage, take)
    }
    return coverage
  }

  private static func account(
    _ token: Substring, line: Int, _ coverage: inout FileCoverage, _ take: (String) -> Bool
  ) {
    coverage.inputWords += 1
    let key = normalised(token)
    if key.isEmpty || isListMarker(token) || take(key) {
      coverage.accountedWords += 1
      return
    }
    // `a)that`, `1.to`: a label glued to the first word.
    if let glued = withoutLeadingLabel(token), take(normalised(glued)) {
      coverage.accountedWords += 1
      return
    }
    if token.hasPrefix("Ref") && token.allSatisfy({ "Ref.:".contains($0) }) {
      coverage.accountedWords += 1
      return
    }
    coverage.unaccounted.append(UnaccountedWord(word: String(token), line: line))
  }

  /// Everything of a document that holds input words.
  private static func modelTexts(_ document: Document) -> [String] {
    var texts: [String] = []
    switch document.kind {
    case .resolution: texts += ["R", "RESOLUTION"]
    case .decision: texts += ["D", "DECISION"]
    case .fragment: break
    }
    texts += [document.number, document.revision, document.title, document.authority]
      .compactMap { $0 }
    if let chapter = document.chapter { texts.append(chapter) }
    if let sourcesLine = document.sourcesLine { texts.append(sourcesLine) }
    for footnote in document.titleFootnotes { texts += [footnote.mark, footnote.text] }
    func add(_ clause: Clause) {
      if let label = clause.label { texts.append(label) }
      texts.append(clause.text)
      for footnote in clause.footnotes { texts += [footnote.mark, footnote.text] }
    }
    for section in document.sections {
      texts.append(section.heading)
      section.clauses.flatMap(\.flattened).forEach(add)
    }
    for annex in document.annexes {
      texts.append(annex.heading)
      if let title = annex.title { texts.append(title) }
      annex.clauses.flatMap(\.flattened).forEach(add)
    }
    return texts
  }

  static func tokens<Text: StringProtocol>(_ text: Text) -> [Substring]
  where Text.SubSequence == Substring {
    // As the parser: C0 and C1 control characters separate words too.
    text.split(whereSeparator: { character in
      character.isWhitespace
        || character.unicodeScalars.contains {
          $0.value <= 0x20 || (0x7F...0x9F).contains($0.value)
        }
    })
  }

  /// Lower-cased, without surrounding punctuation and footnote marks.
  static func normalised(_ token: Substring) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in token.unicodeScalars
    where FootnoteMarks.superscriptValue(scalar) == nil && scalar != "*" {
      scalars.append(scalar)
    }
    let word = String(scalars)
    let trimmed = word.drop(while: isPunctuation).reversed().drop(while: isPunctuation).reversed()
    return String(trimmed).lowercased()
  }

  private static func isPunctuation(_ character: Character) -> Bool {
    character.isPunctuation || character.isSymbol
  }

  /// A word broken at the line end: a letter or digit, then `-`.
  private static func isBrokenWord(_ token: Substring) -> Bool {
    guard token.count >= 2, token.last == "-" else { return false }
    let before = token[token.index(token.endIndex, offsetBy: -2)]
    return before.isLetter || before.isNumber
  }

  /// `1.`, `1.1`, `a)`, `(a)`, `ii)`, `-`, `–`, `•` and other bullets.
  private static func isListMarker(_ token: Substring) -> Bool {
    if let marked = ClauseMarkerScanner.scan(token + " x"), marked.rest == "x" {
      return marked.marker != .none
    }
    // `o` is a bullet of Word's lists.
    return token == "o"
      || (token.count == 1 && !(token.first?.isLetter ?? true) && !(token.first?.isNumber ?? true))
  }

  private static func withoutLeadingLabel(_ token: Substring) -> Substring? {
    guard let close = token.firstIndex(where: { $0 == ")" || $0 == "." }),
      close != token.startIndex, token.distance(from: token.startIndex, to: close) <= 5
    else { return nil }
    let rest = token[token.index(after: close)...]
    return rest.isEmpty ? nil : rest
  }
}
