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
  /// Unit ordinal of each posting, ascending within a term.
  let postingUnits: [Int32]
  /// Positions of posting `p`: `positions[postingPositionStart[p] ..< postingPositionStart[p + 1]]`.
  let postingPositionStart: [UInt32]
  /// Word positions within their unit, ascending per posting (capped at 65535).
  let positions: [UInt16]
  /// Units of document `d`: `documentUnitStart[d] ..< documentUnitStart[d + 1]`.
  let documentUnitStart: [Int32]
  let documentKinds: [DocumentKind]
  /// Normalised document numbers, ids and source symbols → document indices.
  let documentNames: [String: [Int32]]
  /// Distinct issuing bodies → the documents with that body.
  let documentsByBody: [String: [Int32]]

  /// Indexes every title, section and annex heading, clause and footnote
  /// of `corpus`. Tokenises in parallel chunks, merged in corpus order.
  public init(corpus: Corpus) {
    self.corpus = corpus
    let (units, texts) = Self.collectUnits(of: corpus)
    let chunks = Self.tokenizeConcurrently(texts)

    // Global term ids in sorted order, so a prefix is an id range.
    var vocabulary = Set<String>()
    for chunk in chunks { vocabulary.formUnion(chunk.terms) }
    let terms = vocabulary.sorted()
    var termID = [String: Int32](minimumCapacity: terms.count)
    for (id, term) in terms.enumerated() { termID[term] = Int32(id) }
    let localToGlobal = chunks.map { chunk in chunk.terms.map { termID[$0] ?? 0 } }

    // Counting sort of all tokens by term, stable in corpus order.
    var termTokenStart = [Int](repeating: 0, count: terms.count + 1)
    for (chunkIndex, chunk) in chunks.enumerated() {
      let map = localToGlobal[chunkIndex]
      for local in chunk.tokenTerms { termTokenStart[Int(map[Int(local)]) + 1] += 1 }
    }
    for id in 0..<terms.count { termTokenStart[id + 1] += termTokenStart[id] }
    let tokenCount = termTokenStart[terms.count]
    var tokenUnits = [Int32](repeating: 0, count: tokenCount)
    var positions = [UInt16](repeating: 0, count: tokenCount)
    var lengths = [UInt32](repeating: 0, count: units.count)
    var next = termTokenStart
    for (chunkIndex, chunk) in chunks.enumerated() {
      let map = localToGlobal[chunkIndex]
      var token = 0
      for (offset, count) in chunk.unitTokenCounts.enumerated() {
        let unit = chunk.firstUnit + offset
        lengths[unit] = UInt32(count)
        for position in 0..<count {
          let id = Int(map[Int(chunk.tokenTerms[token])])
          tokenUnits[next[id]] = Int32(unit)
          positions[next[id]] = UInt16(min(position, Int(UInt16.max)))
          next[id] += 1
          token += 1
        }
      }
    }

    // One posting per (term, unit) run.
    var termPostingStart = [UInt32](repeating: 0, count: terms.count + 1)
    var postingUnits: [Int32] = []
    var postingPositionStart: [UInt32] = []
    for id in 0..<terms.count {
      termPostingStart[id] = UInt32(postingUnits.count)
      var previous: Int32 = -1
      for token in termTokenStart[id]..<termTokenStart[id + 1] where tokenUnits[token] != previous {
        previous = tokenUnits[token]
        postingUnits.append(previous)
        postingPositionStart.append(UInt32(token))
      }
    }
    termPostingStart[terms.count] = UInt32(postingUnits.count)
    postingPositionStart.append(UInt32(tokenCount))

    self.units = units
    self.unitLengthAndField = zip(units, lengths).map { unit, length in
      min(length, 0x0FFF_FFFF) | UInt32(Self.fieldCodes.firstIndex(of: unit.field) ?? 3) << 28
    }
    self.averageLength = units.isEmpty ? 1 : max(1, Double(tokenCount) / Double(units.count))
    self.terms = terms
    self.termPostingStart = termPostingStart
    self.postingUnits = postingUnits
    self.postingPositionStart = postingPositionStart
    self.positions = positions
    (self.documentNames, self.documentsByBody) = Self.documentLookups(of: corpus)
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
    units.count * (MemoryLayout<Unit>.stride + 4) + termPostingStart.count * 4 + postingUnits.count
      * 4
      + postingPositionStart.count * 4 + positions.count * 2
      + terms.reduce(0) { $0 + 16 + ($1.utf8.count > 15 ? $1.utf8.count : 0) }
  }

  // MARK: - Units

  private static func collectUnits(of corpus: Corpus) -> ([Unit], [String]) {
    var units: [Unit] = []
    var texts: [String] = []
    for (documentIndex, document) in corpus.documents.enumerated() {
      let documentOrdinal = Int32(documentIndex)
      func add(
        _ field: SearchField, _ section: Int, _ clause: Int, _ footnote: Int, heading: Int,
        _ text: String
      ) {
        units.append(
          Unit(
            document: documentOrdinal, section: Int32(section), clause: Int32(clause),
            footnote: Int32(footnote), headingUnit: Int32(heading), field: field))
        texts.append(text)
      }
      if let title = document.title, !title.isEmpty {
        add(.title, -1, -1, -1, heading: -1, title)
      }
      for (footnoteIndex, footnote) in document.titleFootnotes.enumerated() {
        add(.footnote, -1, -1, footnoteIndex, heading: -1, footnote.text)
      }
      let groups =
        document.sections.map { ($0.heading, $0.clauses) }
        + document.annexes.map { (annexHeading($0), $0.clauses) }
      for (groupIndex, group) in groups.enumerated() {
        let headingUnit = units.count
        add(.heading, groupIndex, -1, -1, heading: headingUnit, group.0)
        for (clauseIndex, clause) in group.1.flatMap(\.flattened).enumerated() {
          add(.clause, groupIndex, clauseIndex, -1, heading: headingUnit, clause.text)
          for (footnoteIndex, footnote) in clause.footnotes.enumerated() {
            add(
              .footnote, groupIndex, clauseIndex, footnoteIndex, heading: headingUnit, footnote.text
            )
          }
        }
      }
    }
    return (units, texts)
  }

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

  // MARK: - Tokenising

  struct ChunkTokens: Sendable {
    var firstUnit: Int
    var terms: [String] = []
    var tokenTerms: [Int32] = []
    var unitTokenCounts: [Int] = []
  }

  private static func tokenizeConcurrently(_ texts: [String]) -> [ChunkTokens] {
    // Chunks of about equal text size, several per core for balance.
    let totalBytes = texts.reduce(0) { $0 + $1.utf8.count }
    let chunkCount = max(1, min(texts.count, ProcessInfo.processInfo.activeProcessorCount * 4))
    let target = max(1, totalBytes / chunkCount)
    var bounds: [Int] = [0]
    var size = 0
    for (index, text) in texts.enumerated() {
      size += text.utf8.count
      if size >= target, index + 1 < texts.count {
        bounds.append(index + 1)
        size = 0
      }
    }
    bounds.append(texts.count)
    let ranges = (0..<bounds.count - 1).map { bounds[$0]..<bounds[$0 + 1] }
    let box = ChunkBox(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
      box.set(index, tokenize(texts, range: ranges[index]))
    }
    return box.values
  }

  private static func tokenize(_ texts: [String], range: Range<Int>) -> ChunkTokens {
    var chunk = ChunkTokens(firstUnit: range.lowerBound)
    var tokenizer = SearchTokenizer()
    var interner = TermInterner()
    var tokenTerms: [Int32] = []
    var unitTokenCounts: [Int] = []
    unitTokenCounts.reserveCapacity(range.count)
    for index in range {
      let before = tokenTerms.count
      tokenizer.forEachTermBytes(in: texts[index]) { term, _ in
        tokenTerms.append(interner.intern(term))
      }
      unitTokenCounts.append(tokenTerms.count - before)
    }
    chunk.terms = interner.terms
    chunk.tokenTerms = tokenTerms
    chunk.unitTokenCounts = unitTokenCounts
    return chunk
  }

  // MARK: - Document lookups

  /// Lower-cased with white space removed: how numbers, ids and symbols compare.
  static func normalizedName(_ text: String) -> String {
    String(
      text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
  }

  private static func documentLookups(of corpus: Corpus) -> ([String: [Int32]], [String: [Int32]]) {
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
    return (names, bodies)
  }
}

/// Slots written once each from `concurrentPerform`, read after it returns.
private final class ChunkBox: @unchecked Sendable {
  private var slots: [SearchIndex.ChunkTokens?]
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ value: SearchIndex.ChunkTokens) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }
  var values: [SearchIndex.ChunkTokens] { slots.compactMap { $0 } }
}
