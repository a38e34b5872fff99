/// Reads citations back: every format `Citation` writes, and the ways
/// people write them (`Council Res. 1316, resolves 1.1`, `resolves 3 of
/// Resolution 1312`, `R1316 §resolves 1.1`, `C09/120`, a `resbrowse://`
/// link, a quote followed by its citation, …).
///
/// The text is split into tokens once; the document part (an id, a kind
/// word with a number, a document symbol, a bare number) is taken out and
/// what is left is compared with the document's clause paths, ignoring
/// case, punctuation and filler words (`para`, `of`, `§`). Time is linear
/// in the input (no regular expressions).
public enum CitationParser {
  /// The best reading of `text`, or nil when it names no document of the
  /// corpus.
  public static func resolve(_ text: String, in corpus: Corpus) -> CitationMatch? {
    let reading = CitationReading(text, in: corpus)
    guard let document = reading.documents.first else { return nil }
    return reading.match(in: document)
  }

  /// Every document the text may name, best first, each with its best
  /// clause (for "did you mean" lists when a citation is ambiguous).
  public static func candidates(_ text: String, in corpus: Corpus, limit: Int = 10)
    -> [CitationMatch]
  {
    let reading = CitationReading(text, in: corpus)
    return reading.documents.prefix(max(0, limit)).map { reading.match(in: $0) }
  }

  /// For `resbrowse show --cite TEXT`: the address to show, or a message
  /// saying why there is none (a pinpoint that was not found is an error
  /// naming the nearest place, so a script never shows the wrong clause).
  public static func address(
    forCitation text: String, in corpus: Corpus
  ) -> Result<ClauseAddress, CitationLookupError> {
    guard let match = resolve(text, in: corpus) else { return .failure(.noDocument(text)) }
    guard match.pinpointFound else {
      return .failure(
        .noClause(
          pinpoint: match.pinpoint ?? "", documentID: match.address.documentID,
          nearest: match.address))
    }
    return .success(match.address)
  }
}

/// Why a citation names nothing to show.
public enum CitationLookupError: Error, Hashable, Sendable, CustomStringConvertible {
  case noDocument(String)
  case noClause(pinpoint: String, documentID: String, nearest: ClauseAddress)

  public var description: String {
    switch self {
    case .noDocument(let text):
      "no document matches \"\(Citation.printable(String(text.prefix(80))))\""
    case .noClause(let pinpoint, let id, let nearest):
      "no clause \"\(pinpoint)\" in \(id)"
        + (nearest.path.map { " (nearest: \($0))" } ?? "")
    }
  }
}
