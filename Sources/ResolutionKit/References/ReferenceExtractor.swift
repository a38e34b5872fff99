/// Finds the references a document makes, in reading order: title (and
/// its footnotes, path `""`), then
/// each section (heading, then its clauses depth first, each clause's
/// footnotes after its text), then each annex (title, clauses), then the
/// `Ref.:` line.
///
/// Spans are UTF-8 byte offsets in the text of the field the reference
/// stands in, so `reference.text` is exactly that byte slice. Choices:
/// - A list (`Resolutions 1305, 1306 and 1316`) gives one reference per
///   number; the first one's span includes the keyword (`Resolutions 1305`),
///   the others are their number with its own bracket (`1306`), and the last
///   one also covers a shared `of …` phrase, whose body applies to all.
/// - A pinpoint written before (`resolves 2 of Resolution 1306`) or after
///   (`Resolution 1312, resolves 3, 4 and 5`) is part of the span; the
///   reference's `pinpoint` is the first clause (`resolves 3`), and
///   `Reference.pinpoints` lists them all.
/// - Body: stated (a word before, a bracket, an `of …` phrase) or else the
///   citing document's own body.
public enum ReferenceExtractor {
  public static func extract(from document: Document) -> [Reference] {
    var collector = ReferenceCollector(citingBody: document.body)
    collector.addTitle(of: document)
    func addClauses(_ clauses: [Clause]) {
      // Depth first with an explicit stack (nesting depth comes from
      // input) of sibling runs, fields read in place: copying a Clause
      // retains every string and array it holds.
      var stack: [ArraySlice<Clause>] = [clauses[...]]
      while let run = stack.popLast() {
        guard let first = run.indices.first else { continue }
        stack.append(run.dropFirst())
        if !run[first].children.isEmpty { stack.append(run[first].children[...]) }
        run[first].withTextBytes { text in
          collector.addClause(
            text, path: run[first].numberedPath, footnotes: run[first].footnotes)
        }
      }
    }
    for section in document.sections {
      collector.addHeading(of: section)
      addClauses(section.clauses)
    }
    for annex in document.annexes {
      collector.addTitle(of: annex)
      addClauses(annex.clauses)
    }
    return collector.finish(sourcesLine: document.sourcesLine)
  }

  /// Fills every document's `references`, in parallel over documents
  /// (extraction needs nothing but the document itself).
  public static func extractAll(into documents: inout [Document]) {
    guard documents.count > 1 else { return extractEach(into: &documents) }
    // Found from a borrowed array that is gone before the documents are
    // updated, so they are updated in place, not copied.
    let results = extractConcurrently(from: documents)
    for index in documents.indices { documents[index].references = results.take(index) }
  }

  /// `extractAll` on the calling thread, for a few documents. (The parse
  /// finds references as it builds each document: `ReferenceCollector`.)
  public static func extractEach(into documents: inout [Document]) {
    for index in documents.indices {
      documents[index].references = extract(from: documents[index])
    }
  }

  private static func extractConcurrently(from documents: [Document]) -> ReferenceSlots {
    let results = ReferenceSlots(count: documents.count)
    documents.indices.concurrentForEachPart { part in
      for index in part { results.set(index, extract(from: documents[index])) }
    }
    return results
  }

  /// The references in one text. `citingBody` is the body of the document
  /// it stands in (a bare `Resolution N` in a Council resolution is a
  /// Council resolution); `field`, `path` and `footnote` are copied into
  /// every reference.
  public static func extract(
    in text: String, citingBody: String? = nil, field: ReferenceField = .clause,
    path: String = "", footnote: Int? = nil
  ) -> [Reference] {
    var references: [Reference] = []
    ReferenceScanner.scan(
      text, citingBody: citingBody, field: field, path: InternedText(wrappedValue: path),
      footnote: footnote, into: &references)
    return references
  }
}

/// One slot per document, each written once from `concurrentPerform` and
/// read after it returns.
private final class ReferenceSlots: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<[Reference]>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: [])
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func set(_ index: Int, _ references: [Reference]) { slots[index] = references }

  func take(_ index: Int) -> [Reference] {
    defer { slots[index] = [] }
    return slots[index]
  }
}

/// A document's references, found part by part in reading order: what
/// `ReferenceExtractor.extract(from:)` does over a finished document, and
/// the parse while it builds one, reading each clause's text before it
/// is coded (`ClauseTreeBuilder`).
struct ReferenceCollector {
  /// The body of the citing document: a bare `Resolution N` in a Council
  /// resolution is a Council resolution.
  let citingBody: String?
  private var references: [Reference] = []

  init(citingBody: String?) { self.citingBody = citingBody }

  /// The references in `text`, standing in `field` at `path`.
  mutating func add(_ text: String?, _ field: ReferenceField, _ path: String, footnote: Int? = nil)
  {
    guard let text else { return }
    add(text, field, InternedText(wrappedValue: path), footnote: footnote)
  }

  /// `add` with the path already numbered.
  private mutating func add(
    _ text: String, _ field: ReferenceField, _ path: InternedText, footnote: Int?
  ) {
    guard !text.isEmpty else { return }
    // Straight into the document's list: no per-text array to copy each
    // reference out of (a copy retains every string it holds).
    ReferenceScanner.scan(
      text, citingBody: citingBody, field: field, path: path, footnote: footnote,
      into: &references)
  }

  /// The title's references, then its footnotes'.
  mutating func addTitle(of document: Document) {
    add(document.title, .title, "")
    for (index, footnote) in document.titleFootnotes.enumerated() {
      add(footnote.text, .footnote, "", footnote: index)
    }
  }

  mutating func addHeading(of section: Section) {
    add(section.heading, .heading, section.heading)
  }

  mutating func addTitle(of annex: Annex) {
    add(annex.title, .annexTitle, annex.heading)
  }

  /// A clause's references (its UTF-8 `text`), then its footnotes'.
  /// `path` is the clause's own, already numbered.
  mutating func addClause(
    _ text: UnsafeBufferPointer<UInt8>, path: InternedText, footnotes: [Footnote]
  ) {
    if !text.isEmpty {
      ReferenceScanner.scan(
        utf8: text, citingBody: citingBody, field: .clause, path: path, footnote: nil,
        into: &references)
    }
    for (index, footnote) in footnotes.enumerated() {
      add(footnote.text, .footnote, path, footnote: index)
    }
  }

  /// The references found, the `Ref.:` line's last.
  consuming func finish(sourcesLine: String?) -> [Reference] {
    add(sourcesLine, .sources, "")
    // Kept with the document for the whole session.
    references.trimCapacity()
    return references
  }
}
