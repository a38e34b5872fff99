import ArgumentParser
import Foundation
import ResolutionKit

struct RefsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refs",
    abstract: "List what a document or clause cites, or (--to) who cites it.",
    discussion: """
      ID is a document id as `list` prints it (R1316, D482, PP-R71) or a bare
      number. --path narrows to one clause (its text and footnotes), a
      section heading or an annex title.

      Text output, one reference a line, tab-separated:
        outgoing:  IN  TEXT  KIND  TARGET
          TARGET is `→ ID` (with ` PINPOINT` when written), `not in corpus`,
          `ambiguous: ID, ID…`, or `external` for named instruments.
        --to:      CITING-ID  IN  TEXT  PINPOINT
      IN is the clause path or heading, `(title)` or `(Ref.:)`; a footnote
      adds ` footnote N`.

      --json writes one object (field names are stable):
        outgoing: {"document", "path", "references": [{"kind", "text",
          "number", "body", "symbol", "revision", "pinpoint", "pinpoints",
          "field", "in", "footnote", "span": [start, end], "target",
          "candidates"}]}
        --to:     {"document", "path", "citedBy": [{"document", "in",
          "field", "text", "pinpoint", "referenceIndex"}]}
      `field` is title, heading, clause, footnote, annexTitle or sources;
      `in` is null for the title and the Ref.: line; `span` is UTF-8 byte
      offsets of `text` in that field's text; absent values are null.
      """)

  @Argument(help: "Document id or number.") var id: String
  @Flag(name: .customLong("to"), help: "List who cites the document (or clause) instead.")
  var incoming = false
  @Option(help: "Clause citation path, e.g. \"resolves 1.1\".") var path: String?
  @Flag(help: "Write JSON instead of text.") var json = false
  @OptionGroup var source: SourceOptions

  func run() throws {
    StandardOutput.prepare()
    let (corpus, failed) = source.loadCorpus()
    guard let document = DocumentLookup.document(named: id, in: corpus) else {
      throw CommandFailure("no document '\(id)' in the corpus (see `resbrowse list`)")
    }
    if let path, !Self.hasPlace(path, in: document, incoming: incoming) {
      throw CommandFailure("\(document.id) has no clause '\(path)'")
    }
    if incoming {
      let links = corpus.backlinks.citing(ClauseAddress(documentID: document.id, path: path))
      try writeIncoming(links, of: document, in: corpus)
    } else {
      try writeOutgoing(document.references(atPath: path), of: document)
    }
    StandardOutput.flush()
    if failed { throw ExitCode(1) }
  }

  /// Outgoing references may stand in a clause, heading or annex title;
  /// incoming ones can only pinpoint a clause.
  private static func hasPlace(_ path: String, in document: Document, incoming: Bool) -> Bool {
    if document.clause(atPath: path) != nil { return true }
    guard !incoming else { return false }
    return document.sections.contains { $0.heading == path }
      || document.annexes.contains { $0.heading == path }
  }

  private func writeOutgoing(_ references: [Reference], of document: Document) throws {
    if json {
      try writeJSON(
        OutgoingRecord(
          document: document.id, path: path,
          references: references.map { ReferenceRecord($0, detail: .full) }))
      return
    }
    for reference in references {
      StandardOutput.line(
        [
          Self.place(reference), reference.text, reference.kind.rawValue, Self.target(reference),
        ]
        .map(Self.cell).joined(separator: "\t"))
    }
  }

  private func writeIncoming(_ links: [Backlink], of document: Document, in corpus: Corpus) throws {
    let records = links.compactMap { link in
      corpus.reference(of: link).map { BacklinkRecord(link: link, reference: $0) }
    }
    if json {
      try writeJSON(IncomingRecord(document: document.id, path: path, citedBy: records))
      return
    }
    for record in records {
      StandardOutput.line(
        [
          record.link.source.documentID, Self.place(record.reference), record.reference.text,
          record.reference.pinpoint ?? "",
        ]
        .map(Self.cell).joined(separator: "\t"))
    }
  }

  private func writeJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    StandardOutput.writeRaw(CorpusJSON.escapingTerminalControls(try encoder.encode(value)) + "\n")
  }

  /// Where a reference stands, for text output.
  static func place(_ reference: Reference) -> String {
    switch reference.field {
    case .title: "(title)"
    case .sources: "(Ref.:)"
    case .footnote: "\(reference.path) footnote \((reference.footnote ?? 0) + 1)"
    default: reference.path
    }
  }

  static func target(_ reference: Reference) -> String {
    if let target = reference.target {
      return "→ " + target + (reference.pinpoint.map { " " + $0 } ?? "")
    }
    if !reference.candidates.isEmpty {
      return "ambiguous: " + reference.candidates.joined(separator: ", ")
    }
    return reference.kind == .other ? "external" : "not in corpus"
  }

  /// One tab-separated cell: terminal-safe, and no tab or newline of its own.
  static func cell(_ text: String) -> String {
    text.terminalSafe.replacingOccurrences(of: "\u{2409}", with: " ")
  }
}

private struct OutgoingRecord: Encodable {
  var document: String
  var path: String?
  var references: [ReferenceRecord]

  enum CodingKeys: String, CodingKey { case document, path, references }
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(document, forKey: .document)
    try container.encode(path, forKey: .path)
    try container.encode(references, forKey: .references)
  }
}

private struct IncomingRecord: Encodable {
  var document: String
  var path: String?
  var citedBy: [BacklinkRecord]

  enum CodingKeys: String, CodingKey { case document, path, citedBy }
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(document, forKey: .document)
    try container.encode(path, forKey: .path)
    try container.encode(citedBy, forKey: .citedBy)
  }
}

private struct BacklinkRecord: Encodable {
  let link: Backlink
  let reference: Reference

  enum CodingKeys: String, CodingKey {
    case document
    case place = "in"
    case field, text, pinpoint, referenceIndex
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(link.source.documentID, forKey: .document)
    try container.encode(link.source.path, forKey: .place)
    try container.encode(link.field, forKey: .field)
    try container.encode(reference.text, forKey: .text)
    try container.encode(reference.pinpoint, forKey: .pinpoint)
    try container.encode(link.referenceIndex, forKey: .referenceIndex)
  }
}
