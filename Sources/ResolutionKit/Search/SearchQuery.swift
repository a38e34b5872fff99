/// A parsed search query.
///
/// Query language (what the user types):
///
/// | syntax | meaning |
/// |---|---|
/// | `child online` | every word must occur in the same clause (or title, heading, footnote) |
/// | `"exact phrase"` | the words adjacent and in order; an unclosed quote runs to the end |
/// | `protect*` | any word starting with `protect` |
/// | `-excluded`, `-"some phrase"` | no hit contains this word or phrase |
/// | `in:resolves`, `in:"instructs the secretary-general"` | only under a section (or annex) heading containing these words |
/// | `doc:1316`, `doc:R1316` | only in the document with this number or id |
/// | `kind:decision` | only in resolutions, decisions or fragments (a prefix is enough: `kind:dec`) |
/// | `body:council` | only in documents whose issuing body contains these words |
///
/// Matching ignores case and diacritics (`resolution` finds `Résolution`).
/// A chunk that holds several words (`Secretary-General`, `C09/108`,
/// `2012-2015`) is a phrase of its parts, so it finds the hyphenated and the
/// spaced forms; each part alone finds it too. Common words (`the`, `of`,
/// `to`, …) are ignored as plain words but count inside phrases; a query of
/// only such words finds nothing. Other punctuation, including regular
/// expression characters, is plain text and separates words. `foo:bar` with
/// an unknown filter name is searched as the phrase `foo bar` and listed in
/// `unknownFilters` so front ends can say so. A query that is a lone number
/// or document symbol (`1300`, `R1316`, `C09/120`) also offers the matching
/// documents first. Filters alone (`kind:decision`) list the documents (or,
/// with `in:`, the headings) they select. At most `maximumTerms` words and
/// phrases count; the rest are ignored.
public struct SearchQuery: Hashable, Sendable {
  /// One thing a hit must (or must not) contain, in folded form.
  public enum Term: Hashable, Sendable {
    case word(String)
    case prefix(String)
    /// Two or more words, adjacent and in order.
    case phrase([String])
  }

  public static let maximumTerms = 64

  /// All must match.
  public var required: [Term] = []
  /// None may match.
  public var excluded: [Term] = []
  /// `in:` filters: folded word sequences that a section heading must contain.
  public var headings: [[String]] = []
  /// `doc:` filters: a document number or id, as typed.
  public var documents: [String] = []
  /// `kind:` filters.
  public var kinds: [DocumentKind] = []
  /// `body:` filters: folded word sequences the issuing body must contain.
  public var bodies: [[String]] = []
  /// `name:value` chunks with an unknown name, searched as text.
  public var unknownFilters: [String] = []
  /// Filter values that select nothing (`kind:treaty`), for reporting.
  public var invalidFilters: [String] = []
  /// Set when the whole query is one number, id or document symbol: the
  /// documents it names are offered first.
  public var documentLookup: String?

  public init() {}

  /// Parses `text` in the query language above. Never fails: anything it
  /// does not understand is searched as words.
  ///
  /// `lastWordIsPrefix` is for search-as-you-type: a plain last word not
  /// yet followed by a space counts as a prefix (`chil` finds `child`).
  public init(parsing text: String, lastWordIsPrefix: Bool = false) {
    var tokenizer = SearchTokenizer()
    var chunks = QueryChunk.split(text)
    if lastWordIsPrefix, let last = chunks.indices.last, text.last?.isWhitespace == false,
      !chunks[last].isQuoted, chunks[last].filterName == nil
    {
      chunks[last].isPrefix = true
    }
    for chunk in chunks {
      addChunk(chunk, tokenizer: &tokenizer)
    }
    required = Self.unique(required)
    excluded = Self.unique(excluded)
    if chunks.count == 1, let only = chunks.first, !only.isQuoted, !only.isNegated,
      only.filterName == nil, !only.isPrefix || lastWordIsPrefix,
      Self.looksLikeDocumentName(only.text)
    {
      documentLookup = only.text
    }
  }

  /// True when the query can select nothing at all.
  public var isEmpty: Bool {
    required.isEmpty && headings.isEmpty && documents.isEmpty && kinds.isEmpty
      && bodies.isEmpty && documentLookup == nil
  }

  /// Whether any filter (`in:`, `doc:`, `kind:`, `body:`) is set.
  public var hasFilters: Bool {
    !headings.isEmpty || !documents.isEmpty || !kinds.isEmpty || !bodies.isEmpty
      || !invalidFilters.isEmpty
  }

  private mutating func addChunk(_ chunk: QueryChunk, tokenizer: inout SearchTokenizer) {
    if let name = chunk.filterName, !chunk.isNegated {
      let value = chunk.text
      switch name {
      case "in":
        let words = tokenizer.terms(of: value)
        if words.isEmpty { invalidFilters.append("in:\(value)") } else { headings.append(words) }
        return
      case "doc":
        if value.isEmpty { invalidFilters.append("doc:") } else { documents.append(value) }
        return
      case "kind":
        let folded = SearchTokenizer.fold(value)
        let matching = [DocumentKind.resolution, .decision, .fragment].filter {
          !folded.isEmpty && $0.rawValue.hasPrefix(folded)
        }
        if matching.isEmpty { invalidFilters.append("kind:\(value)") } else { kinds += matching }
        return
      case "body":
        let words = tokenizer.terms(of: value)
        if words.isEmpty { invalidFilters.append("body:\(value)") } else { bodies.append(words) }
        return
      default:
        unknownFilters.append("\(name):\(value)")
      }
    }
    let source = chunk.filterName.map { "\($0):\(chunk.text)" } ?? chunk.text
    let words = tokenizer.terms(of: source)
    guard !words.isEmpty, required.count + excluded.count < Self.maximumTerms else { return }
    let term: Term
    if words.count > 1 {
      term = .phrase(words)
    } else if chunk.isPrefix && !chunk.isQuoted {
      term = .prefix(words[0])
    } else {
      // A lone common word is only worth searching when quoted or excluded.
      if !chunk.isQuoted && !chunk.isNegated && StopWords.all.contains(words[0]) { return }
      term = .word(words[0])
    }
    if chunk.isNegated { excluded.append(term) } else { required.append(term) }
  }

  private static func unique(_ terms: [Term]) -> [Term] {
    var seen = Set<Term>()
    return terms.filter { seen.insert($0).inserted }
  }

  /// A number (`1300`), an id (`R1316`, `PP-R71`) or a symbol (`C09/120`):
  /// one chunk with a digit and no spaces.
  private static func looksLikeDocumentName(_ text: String) -> Bool {
    guard text.utf8.count <= 40, text.contains(where: \.isNumber) else { return false }
    return text.allSatisfy { $0.isLetter || $0.isNumber || "-/.()".contains($0) }
  }
}

/// One whitespace-separated piece of a query, with its quoting and marks.
struct QueryChunk {
  var text: String
  var isQuoted = false
  var isNegated = false
  var isPrefix = false
  /// Lower-cased `name` of a `name:value` chunk.
  var filterName: String?

  /// Splits a query into chunks, honouring double quotes (straight or
  /// curly) around phrases and filter values. Linear in the query length.
  static func split(_ query: String) -> [QueryChunk] {
    var chunks: [QueryChunk] = []
    let characters = Array(query)
    var index = 0
    let isQuote: (Character) -> Bool = { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" }
    while index < characters.count {
      if characters[index].isWhitespace {
        index += 1
        continue
      }
      var chunk = QueryChunk(text: "")
      if characters[index] == "-" || characters[index] == "\u{2212}" {
        chunk.isNegated = true
        index += 1
      }
      // `name:` directly followed by a value (quoted or not).
      var nameEnd = index
      while nameEnd < characters.count, characters[nameEnd].isASCII, characters[nameEnd].isLetter {
        nameEnd += 1
      }
      if nameEnd > index, nameEnd + 1 < characters.count, characters[nameEnd] == ":",
        !characters[nameEnd + 1].isWhitespace
      {
        chunk.filterName = String(characters[index..<nameEnd]).lowercased()
        index = nameEnd + 1
      }
      if index < characters.count, isQuote(characters[index]) {
        chunk.isQuoted = true
        index += 1
        let start = index
        while index < characters.count, !isQuote(characters[index]) { index += 1 }
        chunk.text = String(characters[start..<index])
        index += 1
      } else {
        let start = index
        while index < characters.count, !characters[index].isWhitespace { index += 1 }
        var text = String(characters[start..<index])
        if text.count > 1, text.hasSuffix("*") {
          chunk.isPrefix = true
          while text.hasSuffix("*") { text.removeLast() }
        }
        chunk.text = text
      }
      if !chunk.text.isEmpty || chunk.filterName != nil { chunks.append(chunk) }
    }
    return chunks
  }
}
