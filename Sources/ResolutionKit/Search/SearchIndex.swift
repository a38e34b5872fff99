import Dispatch
import Foundation

/// Ranked full-text search over a corpus, built once at load.
///
/// The index unit is a clause (or a footnote, a title, a section or annex
/// heading), numbered in corpus order. Terms are interned as ids into a
/// sorted term list (prefix queries are an id range); each term has a
/// posting list of units and, per posting, its word positions (for phrases
/// and proximity). Text is not copied: snippets read it from the corpus.
///
/// `SearchIndex` is an immutable value, safe to build on one thread and use
/// from another.
public struct SearchIndex: Sendable {
  /// One indexed piece of text, located in the corpus by indices.
  struct Unit: Sendable {
    var document: Int32
    /// Index into the document's sections, then (after them) its annexes;
    /// -1 for the title.
    var section: Int32
    /// Index into the section's flattened clauses; -1 for a title/heading.
    var clause: Int32
    /// Index into the clause's footnotes; -1 otherwise.
    var footnote: Int32
    /// The unit of the heading this unit stands under (itself for a
    /// heading); -1 for a title.
    var headingUnit: Int32
    var field: SearchField
  }

  let corpus: Corpus
  let units: [Unit]
  /// Per unit, its length (low 28 bits) and field code (`fieldCodes`, top
  /// 4 bits): what ranking reads for every candidate, packed small so the
  /// hot loop stays in cache.
  let unitLengthAndField: [UInt32]
  /// Field codes used in `unitLengthAndField`.
  static let fieldCodes: [SearchField] = [.document, .title, .heading, .clause, .footnote]
  let averageLength: Double
  /// Folded terms in ascending order; a term's id is its position.
  let terms: [String]
  /// Postings of term `t`: `termPostingStart[t] ..< termPostingStart[t + 1]`.
  let termPostingStart: [UInt32]
  /// Per term, its most occurrences in one unit: bounds a unit's score
  /// before it is evaluated (see `rankUnits`).
  let termMaximumFrequency: [UInt32]
  /// Unit ordinal of each posting, ascending within a term.
  let postingUnits: [Int32]
  /// Positions of posting `p`: `positions[postingPositionStart[p] ..< postingPositionStart[p + 1]]`.
  let postingPositionStart: [UInt32]
  /// Word positions within their unit, ascending per posting (capped at 65535).
  let positions: [UInt16]
  /// Per block of `postingBlockSize` consecutive postings, the largest
  /// boosted BM25 term factor (score before idf) among them: lets a common
  /// word's ranking jump over blocks that cannot reach the top hits.
  let postingBlockImpact: [Double]
  static let postingBlockShift = 7
  /// Units of document `d`: `documentUnitStart[d] ..< documentUnitStart[d + 1]`.
  let documentUnitStart: [Int32]
  let documentKinds: [DocumentKind]
  /// Normalised document numbers, ids and source symbols → document indices.
  let documentNames: [String: [Int32]]
  /// Distinct issuing bodies → the documents with that body.
  let documentsByBody: [String: [Int32]]

  /// Indexes every title, section and annex heading, clause and footnote
  /// of `corpus`, on all cores (see `buildPostings`); the result does not
  /// depend on how the work was split.
  public init(corpus: Corpus) {
    self.corpus = corpus
    let lookups = Slots<DocumentLookups>(count: 1)
    let postings = Self.buildPostings(of: corpus.documents) {
      lookups.set(0, Self.documentLookups(of: corpus))
    }
    let units = postings.units
    self.units = units
    self.unitLengthAndField = postings.unitLengthAndField
    self.averageLength =
      units.isEmpty ? 1 : max(1, Double(postings.tokenCount) / Double(units.count))
    self.terms = postings.terms
    self.termPostingStart = postings.termPostingStart
    self.termMaximumFrequency = postings.termMaximumFrequency
    self.postingUnits = postings.postingUnits
    self.postingPositionStart = postings.postingPositionStart
    self.positions = postings.positions
    self.postingBlockImpact = Self.postingBlockImpacts(
      postingCount: postings.postingUnits.count, postingUnits: postings.postingUnits,
      postingPositionStart: postings.postingPositionStart,
      unitLengthAndField: postings.unitLengthAndField, averageLength: averageLength)
    let documentLookups = lookups.values.first ?? DocumentLookups(names: [:], bodies: [:])
    self.documentNames = documentLookups.names
    self.documentsByBody = documentLookups.bodies
    self.documentKinds = corpus.documents.map(\.kind)
    var documentUnitStart = [Int32](
      repeating: Int32(units.count), count: corpus.documents.count + 1)
    for (index, unit) in units.enumerated().reversed() {
      documentUnitStart[Int(unit.document)] = Int32(index)
    }
    // A document without units starts where the next one does.
    if corpus.documents.count > 0 {
      for document in stride(from: corpus.documents.count - 1, through: 0, by: -1)
      where documentUnitStart[document] > documentUnitStart[document + 1] {
        documentUnitStart[document] = documentUnitStart[document + 1]
      }
    }
    self.documentUnitStart = documentUnitStart
    // The build's scratch (per-chunk vocabularies, tallies) is freed now.
    FreedMemory.returnToSystem()
  }

  /// Number of indexed units (titles, headings, clauses, footnotes).
  public var unitCount: Int { units.count }

  /// Number of distinct terms.
  public var termCount: Int { terms.count }

  /// Approximate bytes held by the index arrays (not the corpus text).
  public var approximateByteCount: Int {
    units.count * (MemoryLayout<Unit>.stride + 4) + termPostingStart.count * 8 + postingUnits.count
      * 4
      + postingPositionStart.count * 4 + positions.count * 2 + postingBlockImpact.count * 8
      + terms.reduce(0) { $0 + 16 + ($1.utf8.count > 15 ? $1.utf8.count : 0) }
  }

  // MARK: - Units

  static func annexHeading(_ annex: Annex) -> String {
    guard let title = annex.title, !title.isEmpty else { return annex.heading }
    return annex.heading + " " + title
  }

  /// The text a unit indexes, read from the corpus.
  func text(of unit: Unit) -> String {
    let document = corpus.documents[Int(unit.document)]
    guard unit.section >= 0 else {
      // The title, or one of its footnotes.
      guard unit.footnote >= 0 else { return document.title ?? "" }
      let footnotes = document.titleFootnotes
      return Int(unit.footnote) < footnotes.count ? footnotes[Int(unit.footnote)].text : ""
    }
    let sectionIndex = Int(unit.section)
    let heading: String
    let clauses: [Clause]
    if sectionIndex < document.sections.count {
      heading = document.sections[sectionIndex].heading
      clauses = document.sections[sectionIndex].clauses
    } else if sectionIndex - document.sections.count < document.annexes.count {
      let annex = document.annexes[sectionIndex - document.sections.count]
      heading = Self.annexHeading(annex)
      clauses = annex.clauses
    } else {
      return ""
    }
    guard unit.clause >= 0 else { return heading }
    guard let clause = Self.clause(at: Int(unit.clause), in: clauses) else { return "" }
    guard unit.footnote >= 0 else { return clause.text }
    let footnotes = clause.footnotes
    return Int(unit.footnote) < footnotes.count ? footnotes[Int(unit.footnote)].text : ""
  }

  /// Heading (as written) and clause path of a unit.
  func headingAndPath(of unit: Unit) -> (heading: String?, path: String?) {
    let document = corpus.documents[Int(unit.document)]
    guard unit.section >= 0 else { return (nil, nil) }
    let sectionIndex = Int(unit.section)
    var heading: String?
    var clauses: [Clause] = []
    if sectionIndex < document.sections.count {
      heading = document.sections[sectionIndex].heading
      clauses = document.sections[sectionIndex].clauses
    } else if sectionIndex - document.sections.count < document.annexes.count {
      let annex = document.annexes[sectionIndex - document.sections.count]
      heading = annex.heading
      clauses = annex.clauses
    }
    guard unit.clause >= 0 else { return (heading, nil) }
    return (heading, Self.clause(at: Int(unit.clause), in: clauses)?.path)
  }

  /// The `index`-th clause of `clauses` flattened depth first, found
  /// without building the flattened array (iterative, no recursion).
  private static func clause(at index: Int, in clauses: [Clause]) -> Clause? {
    var remaining = index
    var stack: [ArraySlice<Clause>] = [clauses[...]]
    while var top = stack.popLast() {
      guard let first = top.first else { continue }
      top = top.dropFirst()
      if remaining == 0 { return first }
      remaining -= 1
      stack.append(top)
      if !first.children.isEmpty { stack.append(first.children[...]) }
    }
    return nil
  }

  // MARK: - Document lookups

  /// Lower-cased with white space removed: how numbers, ids and symbols compare.
  static func normalizedName(_ text: String) -> String {
    // Ids, numbers and symbols are nearly always ASCII: bytes, no Unicode
    // case mapping (the index build names every document this way).
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return String(
        decoding: text.utf8.compactMap { byte -> UInt8? in
          if byte == 0x20 || (0x09...0x0D).contains(byte) { return nil }
          return (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
        }, as: UTF8.self)
    }
    return normalizedNameByScalars(text)
  }

  /// `normalizedName` for any text: lower case, no white space.
  static func normalizedNameByScalars(_ text: String) -> String {
    String(
      text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
  }

  struct DocumentLookups: Sendable {
    var names: [String: [Int32]]
    var bodies: [String: [Int32]]
  }

  private static func documentLookups(of corpus: Corpus) -> DocumentLookups {
    var names: [String: [Int32]] = [:]
    var bodies: [String: [Int32]] = [:]
    for (index, document) in corpus.documents.enumerated() {
      var keys = Set([normalizedName(document.id)])
      if let number = document.number { keys.insert(normalizedName(number)) }
      for source in document.sources {
        let symbol = normalizedName(source)
        keys.insert(symbol)
        // `C09/108(Rev.1)` is also found as `C09/108`.
        if let paren = symbol.firstIndex(of: "("), paren > symbol.startIndex {
          keys.insert(String(symbol[..<paren]))
        }
      }
      for key in keys where !key.isEmpty { names[key, default: []].append(Int32(index)) }
      if let body = document.body { bodies[body, default: []].append(Int32(index)) }
    }
    return DocumentLookups(names: names, bodies: bodies)
  }
}
