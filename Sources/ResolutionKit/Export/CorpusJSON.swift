import Foundation

/// The corpus as the public JSON contract `resbrowse-corpus` version 1
/// (see docs/corpus-json.md). Contract fields are always present; optional
/// values are written as `null`, never left out.
public enum CorpusJSON {
  public static let format = "resbrowse-corpus"
  public static let version = 1

  /// The whole corpus as JSON data (UTF-8).
  public static func encode(_ corpus: Corpus, prettyPrinted: Bool = true) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      prettyPrinted
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(CorpusRecord(corpus))
  }

  /// The JSON text with DEL, C1 controls and bidi overrides written as
  /// `\u` escapes of four hex digits (JSONEncoder escapes only C0), so it is the same JSON
  /// and can never drive a terminal it is printed on.
  public static func escapingTerminalControls(_ data: Data) -> String {
    let text = String(decoding: data, as: UTF8.self)
    // Newlines and tabs outside strings are JSON's own layout; inside
    // strings JSONEncoder has already escaped them.
    func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isTerminalUnsafe && scalar != "\n" && scalar != "\t" && scalar != "\r"
    }
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

private struct CorpusRecord: Encodable {
  let corpus: Corpus
  init(_ corpus: Corpus) { self.corpus = corpus }

  enum Keys: String, CodingKey { case format, version, documents, diagnostics }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(CorpusJSON.format, forKey: .format)
    try container.encode(CorpusJSON.version, forKey: .version)
    try container.encode(corpus.documents.map(DocumentRecord.init), forKey: .documents)
    try container.encode(corpus.diagnostics, forKey: .diagnostics)
  }
}

private struct DocumentRecord: Encodable {
  let document: Document

  enum Keys: String, CodingKey {
    case id, kind, body, number, revision, session, title, authority, chapter, source, sections,
      annexes, references, sources, footnotes
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(document.id, forKey: .id)
    try container.encode(document.kind, forKey: .kind)
    try container.encode(document.body, forKey: .body)
    try container.encode(document.number, forKey: .number)
    try container.encode(document.revision, forKey: .revision)
    try container.encode(document.session, forKey: .session)
    try container.encode(document.title, forKey: .title)
    // An extension the contract allows: footnotes whose marker is in the title.
    if !document.titleFootnotes.isEmpty {
      try container.encode(document.titleFootnotes.map(FootnoteRecord.init), forKey: .footnotes)
    }
    try container.encode(document.authority, forKey: .authority)
    try container.encode(document.chapter, forKey: .chapter)
    try container.encode(document.location, forKey: .source)
    try container.encode(document.sections.map(SectionRecord.init), forKey: .sections)
    if !document.annexes.isEmpty {
      try container.encode(document.annexes.map(AnnexRecord.init), forKey: .annexes)
    }
    try container.encode(document.references.map { ReferenceRecord($0) }, forKey: .references)
    try container.encode(document.sources, forKey: .sources)
  }
}

private struct SectionRecord: Encodable {
  let section: Section

  enum Keys: String, CodingKey { case heading, role, clauses }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(section.heading, forKey: .heading)
    try container.encode(section.role, forKey: .role)
    try container.encode(section.clauses.map(ClauseRecord.init), forKey: .clauses)
  }
}

private struct AnnexRecord: Encodable {
  let annex: Annex

  enum Keys: String, CodingKey { case heading, title, clauses }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(annex.heading, forKey: .heading)
    try container.encode(annex.title, forKey: .title)
    try container.encode(annex.clauses.map(ClauseRecord.init), forKey: .clauses)
  }
}

private struct ClauseRecord: Encodable {
  let clause: Clause

  enum Keys: String, CodingKey { case label, path, text, line, clauses, footnotes }

  // Children are encoded by recursion: nesting depth is bounded by the
  // parser's numbering depth limit, not by input size.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(clause.label, forKey: .label)
    try container.encode(clause.path, forKey: .path)
    try container.encode(clause.text, forKey: .text)
    try container.encode(clause.location.line, forKey: .line)
    try container.encode(clause.children.map(ClauseRecord.init), forKey: .clauses)
    if !clause.footnotes.isEmpty {
      try container.encode(clause.footnotes.map(FootnoteRecord.init), forKey: .footnotes)
    }
  }
}

private struct FootnoteRecord: Encodable {
  let footnote: Footnote

  enum Keys: String, CodingKey { case mark, text }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(footnote.mark, forKey: .mark)
    try container.encode(footnote.text, forKey: .text)
  }
}
