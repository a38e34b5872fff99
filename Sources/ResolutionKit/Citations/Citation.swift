/// Writes citations of clauses and documents.
///
/// Printed forms (each reads back with `CitationParser`):
/// - Council (or unknown body): `Res. 1316 (C09)`, `Dec. 482 (C20)`; the
///   session in brackets when known.
/// - Other bodies (Plenipotentiary, conferences), as printed:
///   `Resolution 71 (Rev. Dubai, 2018)`; the revision in brackets, or the
///   session when there is no revision.
/// - A fragment (no number): its id, `fragment-notes-12`.
/// - When another document of the corpus would print the same, the id is
///   added in square brackets: `Res. 1316 (C09) [R1316-2]`.
/// - The pinpoint is the clause path after a comma: `, resolves 1.1`,
///   `, considering a) ii)`, `, Annex 1, 3.2`; unlabelled paragraphs and
///   bullets by their ordinal among unlabelled siblings:
///   `, invites the Secretary-General ¶1`. A whole document has none.
public enum Citation {
  /// The citation of `address` in `format`. Throws when the document or
  /// clause is not in the corpus, or for a template error.
  public static func format(
    _ address: ClauseAddress, in corpus: Corpus, as format: CitationFormat
  ) throws(CitationError) -> String {
    guard let document = corpus.document(id: address.documentID) else {
      throw .unknownDocument(address.documentID)
    }
    var clause: Clause? = nil
    if let path = address.path {
      guard let found = document.clause(atPath: path) else {
        throw .unknownClause(documentID: document.id, path: path)
      }
      clause = found
    }
    let parts = Parts(document: document, clause: clause, corpus: corpus)
    let text: String
    switch format {
    case .short: text = parts.short
    case .full: text = parts.full
    case .quote: text = parts.quote
    case .markdown: text = parts.markdown
    case .template(let name, let template):
      text = try CitationTemplate.render(template, name: name, value: parts.placeholder)
    }
    return printable(text)
  }

  /// Every format's citation of `address`, for a picker with previews;
  /// a failing template gives its error instead.
  public static func previews(
    of address: ClauseAddress, in corpus: Corpus, templates: [String: String] = [:]
  ) -> [(format: CitationFormat, citation: Result<String, CitationError>)] {
    CitationFormat.all(templates: templates).map { format in
      (
        format,
        Result { () throws(CitationError) -> String in
          try Citation.format(address, in: corpus, as: format)
        }
      )
    }
  }

  /// Text from documents may hold control characters and bidi overrides
  /// (PDF debris); a citation goes to terminals and clipboards, so they
  /// become spaces.
  static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(isControl(scalar) ? " " : scalar)
    }
    return String(result)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isTerminalUnsafe || scalar.value == 0x2028 || scalar.value == 0x2029
  }

  /// The pieces every format is assembled from.
  private struct Parts {
    let document: Document
    let clause: Clause?
    let corpus: Corpus

    var isCouncil: Bool { Citation.isCouncil(document) }

    var kindWord: String {
      switch document.kind {
      case .resolution: "Resolution"
      case .decision: "Decision"
      case .fragment: "Fragment"
      }
    }

    /// `Res. 1316 (C09)` / `Resolution 71 (Rev. Dubai, 2018)` / the id.
    var documentShort: String {
      guard document.kind != .fragment, let number = document.number, !number.isEmpty else {
        return document.id
      }
      let word: String
      if isCouncil {
        word = document.kind == .decision ? "Dec." : "Res."
      } else {
        word = kindWord
      }
      return word + " " + number + bracketSuffix + disambiguation
    }

    var bracketSuffix: String {
      guard let bracket = Citation.bracket(of: document), !bracket.isEmpty else { return "" }
      return " (" + bracket + ")"
    }

    /// ` [R1316-2]` when another document would print the same.
    var disambiguation: String {
      // Only documents of the same number can print alike.
      let sameNumber = document.number.flatMap { corpus.lookup.positionsByNumber[$0] } ?? []
      let clash = sameNumber.contains { position in
        let other = corpus.documents[position]
        return other.id != document.id && Citation.printsAlike(other, document)
      }
      return clash ? " [" + document.id + "]" : ""
    }

    var pinpoint: String { clause.map { ", " + $0.path } ?? "" }

    var short: String { documentShort + pinpoint }

    var full: String {
      var pieces: [String] = []
      if document.kind == .fragment || document.number == nil {
        pieces.append(document.id)
      } else {
        let body = document.body.map { $0 + " " } ?? ""
        pieces.append(
          "ITU " + body + kindWord + " " + (document.number ?? "") + bracketSuffix + disambiguation)
      }
      if let title = document.title, !title.isEmpty { pieces.append("\"" + title + "\"") }
      if let clause { pieces.append(clause.path) }
      return pieces.joined(separator: ", ")
    }

    var quotedText: String { clause?.text ?? document.title ?? "" }

    var quote: String { "“" + quotedText + "” " + short }

    var link: String {
      CitationLink.url(for: ClauseAddress(documentID: document.id, path: clause?.path))
    }

    var markdown: String {
      var escaped = ""
      for character in short {
        if character == "[" || character == "]" || character == "\\" { escaped.append("\\") }
        escaped.append(character)
      }
      return "[" + escaped + "](" + link + ")"
    }

    func placeholder(_ name: String) -> String? {
      switch name {
      case "body": document.body ?? ""
      case "kind": kindWord
      case "number": document.number ?? ""
      case "revision": document.revision ?? ""
      case "session": document.session ?? ""
      case "title": document.title ?? ""
      case "path": clause?.path ?? ""
      case "text": quotedText
      case "id": document.id
      case "short": short
      case "link": link
      default: nil
      }
    }
  }

  /// Council texts (and those of unknown body) are numbered in one series
  /// per kind and cited with their session.
  static func isCouncil(_ document: Document) -> Bool {
    guard let body = document.body else { return true }
    return body.lowercased().contains("council")
  }

  /// What the short form prints in brackets.
  static func bracket(of document: Document) -> String? {
    if isCouncil(document) { return document.session }
    return document.revision ?? document.session
  }

  /// Whether two documents' short forms would be the same.
  static func printsAlike(_ a: Document, _ b: Document) -> Bool {
    a.kind == b.kind && a.number == b.number && a.number != nil && a.kind != .fragment
      && isCouncil(a) == isCouncil(b) && bracket(of: a) == bracket(of: b)
  }
}
