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
    // The field is in `unitLengthAndField` (`field(ofUnit:)`), and the
    // heading a unit stands under is the last heading unit before it
    // (`headingUnitBits`; only headings are asked, by `in:`): 16 bytes a
    // unit rather than 24.
  }

  let corpus: Corpus
  let units: [Unit]
  /// Per unit, its length (low 28 bits) and field code (`fieldCodes`, top
  /// 4 bits): what ranking reads for every candidate, packed small so the
  /// hot loop stays in cache.
  let unitLengthAndField: [UInt32]
  /// Field codes used in `unitLengthAndField`.
  static let fieldCodes: [SearchField] = [.document, .title, .heading, .clause, .footnote]

  /// The field of `unit`, from its code in `unitLengthAndField`.
  func field(ofUnit unit: Int) -> SearchField {
    Self.fieldCodes[Int(unitLengthAndField[unit] >> 28)]
  }
  let averageLength: Double
  /// Folded terms in ascending order; a term's id is its position.
  let terms: [String]
  /// Postings of term `t`: `termPostingStart[t] ..< termPostingStart[t + 1]`.
  let termPostingStart: [UInt32]
  /// Per term, its most occurrences in one unit: bounds a unit's score
  /// before it is evaluated (see `rankUnits`).
  let termMaximumFrequency: [UInt32]
  /// Unit ordinal of each posting, ascending within a term.
  let postingUnits: PostingUnits
  /// Positions of posting `p`: `postingPositions.list(p, in:)` these bytes.
  let postingPositions: PostingPositions
  /// Word positions within their unit, ascending per posting: a byte
  /// each, or two in a unit of more than 256 words (capped at 65535).
  let positions: [UInt8]
  /// Per block of `1 << postingBlockShift` consecutive postings, an upper
  /// bound of the largest boosted BM25 term factor (score before idf) among
  /// them, in steps of `impactStep` (see `impactBound`): lets a common
  /// word's ranking jump over blocks that cannot reach the top hits without
  /// reading their units. Small blocks skip more; a byte each keeps them as
  /// cheap as the former 128-posting blocks of Doubles.
  let postingBlockImpact: [UInt8]
  static let postingBlockShift = 4
  /// Bit `u` set when unit `u` is a section or annex heading: what the
  /// `in:` filter reads, small enough to stay in cache (the packed
  /// `unitLengthAndField` is not).
  let headingUnitBits: [UInt64]
  /// Bit `u` set when unit `u` is a document title.
  let titleUnitBits: [UInt64]
  /// Per unit, its field code (low 3 bits) and length class (high 5 bits,
  /// see `lengthClassFloors`): a byte from which ranking bounds a
  /// candidate's score before reading its exact length.
  let unitShapes: [UInt8]
  /// Length class `c` holds the lengths from `lengthClassFloors[c]` up to
  /// the next floor (the last: every longer one). About 1.2 apart.
  static let lengthClassFloors = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 19, 22, 26, 30, 35, 41, 48, 56, 66, 78, 92, 108,
    128, 152, 180, 215, 256, 305, 365,
  ]

  /// The length class of a unit `length` words long.
  static func lengthClass(of length: Int) -> Int {
    var low = 0
    var high = lengthClassFloors.count
    // The last floor not above `length`.
    while high - low > 1 {
      let middle = (low + high) / 2
      if lengthClassFloors[middle] <= length { low = middle } else { high = middle }
    }
    return low
  }
  /// Per 64 units (a word of `headingUnitBits`), how many heading units
  /// come before them: a heading unit's rank among headings.
  let headingRankBase: [UInt32]
  /// Per heading unit, by rank, an id shared by headings of the same text:
  /// headings repeat (`resolves`, `instructs the Secretary-General`), so an
  /// `in:` phrase is checked once per distinct text, not per heading.
  let headingTextIDs: [UInt32]
  /// Number of distinct heading texts.
  let headingTextCount: Int
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
    let headingTexts = Slots<(ids: [UInt32], count: Int)>(count: 1)
    let postings = Self.buildPostings(of: corpus.documents) {
      lookups.set(0, Self.documentLookups(of: corpus))
      headingTexts.set(0, Self.headingTextIDs(of: corpus))
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
    self.postingPositions = postings.postingPositions
    self.positions = postings.positions
    self.postingBlockImpact = Self.postingBlockImpacts(
      postingCount: postings.postingUnits.count, postingUnits: postings.postingUnits,
      postingPositions: postings.postingPositions,
      unitLengthAndField: postings.unitLengthAndField, averageLength: averageLength)
    var headingUnitBits = [UInt64](repeating: 0, count: units.count / 64 + 1)
    var titleUnitBits = headingUnitBits
    for (unit, packed) in postings.unitLengthAndField.enumerated() {
      switch Self.fieldCodes[Int(packed >> 28)] {
      case .heading: headingUnitBits[unit >> 6] |= 1 << UInt64(unit & 63)
      case .title: titleUnitBits[unit >> 6] |= 1 << UInt64(unit & 63)
      default: break
      }
    }
    self.headingUnitBits = headingUnitBits
    self.titleUnitBits = titleUnitBits
    self.unitShapes = postings.unitLengthAndField.map {
      UInt8(
        truncatingIfNeeded: Self.lengthClass(of: Int($0 & 0x0FFF_FFFF)) << 3 | Int($0 >> 28) & 7)
    }
    var headingRankBase: [UInt32] = []
    headingRankBase.reserveCapacity(headingUnitBits.count)
    var headingCount: UInt32 = 0
    for word in headingUnitBits {
      headingRankBase.append(headingCount)
      headingCount += UInt32(word.nonzeroBitCount)
    }
    self.headingRankBase = headingRankBase
    let textIDs = headingTexts.takeValues().first ?? (ids: [], count: 0)
    self.headingTextIDs = textIDs.ids
    self.headingTextCount = textIDs.count
    let documentLookups = lookups.takeValues().first ?? DocumentLookups(names: [:], bodies: [:])
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
  }

  /// Number of indexed units (titles, headings, clauses, footnotes).
  public var unitCount: Int { units.count }

  /// Number of distinct terms.
  public var termCount: Int { terms.count }

  /// Approximate bytes held by the index arrays (not the corpus text).
  public var approximateByteCount: Int {
    byteComposition.reduce(0) { $0 + $1.bytes }
  }

  /// Approximate bytes of each part of the index, largest first: what the
  /// benchmark prints, to show where the index's memory goes.
  public var byteComposition: [(part: String, bytes: Int)] {
    [
      ("units", units.count * (MemoryLayout<Unit>.stride + 4 + 1)),
      ("terms", terms.reduce(0) { $0 + 16 + ($1.utf8.count > 15 ? $1.utf8.count : 0) }),
      ("term starts and maxima", termPostingStart.count * 4 + termMaximumFrequency.count * 4),
      ("posting units", postingUnits.byteCount),
      ("posting counts", postingPositions.byteCount),
      ("positions", positions.count),
      ("block impacts", postingBlockImpact.count),
      (
        "heading bits",
        (headingUnitBits.count + titleUnitBits.count) * 8 + headingRankBase.count * 4
          + headingTextIDs.count * 4
      ),
    ].sorted { $0.1 > $1.1 }
  }

  // MARK: - Units

  static func annexHeading(_ annex: Annex) -> String {
    guard let title = annex.title, !title.isEmpty else { return annex.heading }
    return annex.heading + " " + title
  }

  /// The text a unit indexes, read from the corpus.
  func text(of unit: Unit) -> String { describe(unit).text }

  /// Where a unit stands and what it says: its document's id, the text it
  /// indexes, the heading (as written) it stands under and its clause path.
  /// One walk down the corpus for a hit, reading fields in place (a
  /// `Document` copied out retains its every string and array).
  func describe(_ unit: Unit) -> (documentID: String, text: String, heading: String?, path: String?)
  {
    corpus.documents.withUnsafeBufferPointer { documents in
      let documentIndex = Int(unit.document)
      guard documentIndex >= 0, documentIndex < documents.count else { return ("", "", nil, nil) }
      let id = documents[documentIndex].id
      guard unit.section >= 0 else {
        // The title, or one of its footnotes.
        guard unit.footnote >= 0 else {
          return (id, documents[documentIndex].title ?? "", nil, nil)
        }
        let footnotes = documents[documentIndex].titleFootnotes
        let text = Int(unit.footnote) < footnotes.count ? footnotes[Int(unit.footnote)].text : ""
        return (id, text, nil, nil)
      }
      let sectionIndex = Int(unit.section)
      let sectionCount = documents[documentIndex].sections.count
      let heading: String
      let indexedHeading: String
      let clauses: [Clause]
      if sectionIndex < sectionCount {
        heading = documents[documentIndex].sections[sectionIndex].heading
        indexedHeading = heading
        clauses = documents[documentIndex].sections[sectionIndex].clauses
      } else if sectionIndex - sectionCount < documents[documentIndex].annexes.count {
        let annex = documents[documentIndex].annexes[sectionIndex - sectionCount]
        heading = annex.heading
        indexedHeading = Self.annexHeading(annex)
        clauses = annex.clauses
      } else {
        return (id, "", nil, nil)
      }
      guard unit.clause >= 0 else { return (id, indexedHeading, heading, nil) }
      guard let clause = Self.clause(at: Int(unit.clause), in: clauses) else {
        return (id, "", heading, nil)
      }
      guard unit.footnote >= 0 else { return (id, clause.text, heading, clause.path) }
      let footnotes = clause.footnotes
      let text = Int(unit.footnote) < footnotes.count ? footnotes[Int(unit.footnote)].text : ""
      return (id, text, heading, clause.path)
    }
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

  /// Per section or annex heading, in corpus order (the order of their
  /// units), an id per distinct indexed text.
  private static func headingTextIDs(of corpus: Corpus) -> (ids: [UInt32], count: Int) {
    var idByText: [String: UInt32] = [:]
    var ids: [UInt32] = []
    func add(_ text: String) {
      if let id = idByText[text] {
        ids.append(id)
      } else {
        let id = UInt32(idByText.count)
        idByText[text] = id
        ids.append(id)
      }
    }
    // In place: a `Document` copied whole retains every string it holds.
    let documents = corpus.documents
    for index in documents.indices {
      let sections = documents[index].sections
      for section in sections.indices { add(sections[section].heading) }
      let annexes = documents[index].annexes
      for annex in annexes.indices { add(annexHeading(annexes[annex])) }
    }
    return (ids, idByText.count)
  }

  /// The id of heading unit `unit`'s text (see `headingTextIDs`); nil when
  /// `unit` is not a heading.
  func headingTextID(of unit: Int32) -> Int? {
    let word = Int(unit) >> 6
    guard unit >= 0, word < headingUnitBits.count else { return nil }
    let bit: UInt64 = 1 << UInt64(unit & 63)
    guard headingUnitBits[word] & bit != 0 else { return nil }
    let rank = Int(headingRankBase[word]) + (headingUnitBits[word] & (bit - 1)).nonzeroBitCount
    return rank < headingTextIDs.count ? Int(headingTextIDs[rank]) : nil
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
    // Fields read in place: a `Document` copied whole retains every string
    // it holds.
    let documents = corpus.documents
    for index in documents.indices {
      var keys = Set([normalizedName(documents[index].id)])
      if let number = documents[index].number { keys.insert(normalizedName(number)) }
      for source in documents[index].sources {
        let symbol = normalizedName(source)
        keys.insert(symbol)
        // `C09/108(Rev.1)` is also found as `C09/108`.
        if let paren = symbol.firstIndex(of: "("), paren > symbol.startIndex {
          keys.insert(String(symbol[..<paren]))
        }
      }
      for key in keys where !key.isEmpty { names[key, default: []].append(Int32(index)) }
      if let body = documents[index].body { bodies[body, default: []].append(Int32(index)) }
    }
    return DocumentLookups(names: names, bodies: bodies)
  }
}
