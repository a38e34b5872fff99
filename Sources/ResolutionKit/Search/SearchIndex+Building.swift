import Dispatch
import Foundation

/// Building the index in two parallel passes over ranges of documents.
///
/// Pass 1 (one task per document range): collect the range's units and
/// tokenise their text into chunk-local term ids, counting per term its
/// tokens, postings and largest in-unit frequency. Serial merge: a global
/// sorted vocabulary, and from the counts, in corpus order, where each
/// chunk's tokens and postings of each term go. Pass 2 (one task per range):
/// each chunk writes its positions and postings into its own disjoint slots.
/// The result is the same, bit for bit, whatever the chunking or scheduling.
extension SearchIndex {
  /// Per chunk-local term: what pass 1 counts.
  struct TermTally {
    var tokens: Int32 = 0
    /// Tokens in units longer than `PostingPositions.narrowUnitLength`:
    /// each takes a second byte of positions.
    var wideTokens: Int32 = 0
    var postings: Int32 = 0
    var maximumFrequency: UInt32 = 0
    /// Occurrences in `lastUnit` so far.
    var run: UInt32 = 0
    var lastUnit: Int32 = -1
  }

  /// What pass 1 found in one document range.
  struct Chunk: Sendable {
    var units: [Unit] = []
    var lengthAndField: [UInt32] = []
    var unitTokenCounts: [Int32] = []
    /// Local term ids of every token, in corpus order.
    var tokenTerms = TermIDBlocks.Writer()
    /// Local vocabulary, in local id order.
    var terms: [String] = []
    /// Local ids in ascending order of their terms
    /// (`VocabularyMerge.sortedOrder`), sorted while other chunks still
    /// run pass 1 rather than in the serial merge after it.
    var termOrder: [Int] = []
    var tallies: [TermTally] = []
  }

  /// Where pass 2 writes a chunk's next position and posting of one of
  /// its terms, and the unit of the last one: one record, so that each
  /// token reads and writes one place (they were two arrays, two cache
  /// misses a token when the chunk's vocabulary is large). Postings are
  /// counted in 32 bits, as `termPostingStart` holds them.
  struct PostingCursor {
    var position: Int
    var posting: UInt32
    var lastUnit: Int32 = -1
  }

  /// Everything the index holds about terms and postings.
  struct Postings {
    var terms: [String]
    var termPostingStart: [UInt32]
    var termMaximumFrequency: [UInt32]
    var postingUnits: PostingUnits
    var postingPositions: PostingPositions
    var positions: [UInt8]
    var units: [Unit]
    var unitLengthAndField: [UInt32]
    var tokenCount: Int
  }

  static func buildPostings(of documents: [Document], alongside extra: @Sendable () -> Void)
    -> Postings
  {
    // Several ranges per core, shrinking, for balance at the end.
    let rangeCount = max(
      1, min(documents.count, ProcessInfo.processInfo.activeProcessorCount * 4))
    let ranges = documents.indices.shrinkingSplit(into: rangeCount)
    let firstPass = Slots<Chunk>(count: ranges.count)
    // `extra` goes first: tasks start in order, and a long one started
    // last would leave the other cores idle at the end.
    DispatchQueue.concurrentPerform(iterations: ranges.count + 1) { task in
      if task == 0 {
        extra()
      } else {
        firstPass.set(task - 1, collectChunk(documents, ranges[task - 1]))
      }
    }
    let chunks = firstPass.takeValues()

    // Global term ids in sorted order, so a prefix is an id range.
    let vocabulary = VocabularyMerge.merge(chunks.map(\.terms), orders: chunks.map(\.termOrder))
    let terms = vocabulary.terms
    let localToGlobal = vocabulary.localToGlobal

    // Where each term's positions start, in bytes (`PostingPositions`).
    var termPositionStart = [Int](repeating: 0, count: terms.count + 1)
    var tokenCount = 0
    var termPostingStart = [Int](repeating: 0, count: terms.count + 1)
    var termMaximumFrequency = [UInt32](repeating: 0, count: terms.count)
    for (chunkIndex, chunk) in chunks.enumerated() {
      let map = localToGlobal[chunkIndex]
      for (local, tally) in chunk.tallies.enumerated() {
        let id = Int(map[local])
        termPositionStart[id + 1] += Int(tally.tokens) + Int(tally.wideTokens)
        tokenCount += Int(tally.tokens)
        termPostingStart[id + 1] += Int(tally.postings)
        termMaximumFrequency[id] = max(termMaximumFrequency[id], tally.maximumFrequency)
      }
    }
    for id in 0..<terms.count {
      termPositionStart[id + 1] += termPositionStart[id]
      termPostingStart[id + 1] += termPostingStart[id]
    }
    let positionBytes = termPositionStart[terms.count]
    let postingCount = termPostingStart[terms.count]

    // Where each chunk's tokens and postings of each local term begin:
    // after those of the same term in earlier chunks (corpus order).
    var nextPosition = termPositionStart
    var nextPosting = termPostingStart
    var cursors: [[PostingCursor]] = []
    var unitOffsets: [Int] = []
    var unitCount = 0
    for (chunkIndex, chunk) in chunks.enumerated() {
      let map = localToGlobal[chunkIndex]
      cursors.append(
        chunk.tallies.enumerated().map { local, tally in
          let id = Int(map[local])
          defer {
            nextPosition[id] += Int(tally.tokens) + Int(tally.wideTokens)
            nextPosting[id] += Int(tally.postings)
          }
          return PostingCursor(
            position: nextPosition[id], posting: UInt32(truncatingIfNeeded: nextPosting[id]))
        })
      unitOffsets.append(unitCount)
      unitCount += chunk.units.count
    }

    let chunkUnitOffsets = unitOffsets
    let chunkCount = chunks.count
    // Each chunk, and its cursors, goes as soon as pass 2 has written it:
    // its units and counts are no longer held while later chunks write.
    let pendingChunks = Handover(consume chunks)
    let pendingCursors = Handover(consume cursors)
    // Pass 2 writes every slot of these exactly once (the cursors above
    // hand each token and posting its own), so they start uninitialised:
    // zeroing them first was a serial pass over hundreds of megabytes at
    // 100,000 resolutions.
    let postingUnits = PostingUnits(count: postingCount, unitCount: unitCount)
    let blockCount = PostingPositions.blockCount(postings: postingCount)
    let counts = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: postingCount)
    let blockStarts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: blockCount)
    let large = Slots<[(posting: Int, count: Int)]>(count: chunkCount)
    // Units too are copied by each chunk into its own part, in parallel:
    // a serial copy took a quarter of a second at 100,000 resolutions.
    // None of these get huge pages (`HugePages`): postings and positions
    // are written all over from the start, and with 2 MB pages were
    // resident whole at once while the token ids still were (peak memory at
    // 10,000: 14 MB higher).
    var units: [Unit] = []
    var unitLengthAndField: [UInt32] = []
    let positions = [UInt8](unsafeUninitializedCapacity: positionBytes) { positions, written in
      units = [Unit](unsafeUninitializedCapacity: unitCount) { unitSlots, unitsWritten in
        unitLengthAndField = [UInt32](unsafeUninitializedCapacity: unitCount) {
          lengthSlots, lengthsWritten in
          let output = PostingOutput(
            positions: positions, postingUnits: postingUnits.writer, counts: counts,
            blockStarts: blockStarts, units: unitSlots, unitLengthAndField: lengthSlots)
          // Units first, for every chunk: what pass 2 no longer needs
          // (units, vocabularies, tallies) goes before the postings are
          // written, which touch every page of their arrays from the first
          // chunk on. (With `FreedMemory.mapLargeBlocks` the freed blocks
          // go back to the system: with both, the peak at 10,000
          // resolutions was 13-15 MB lower; this alone changed nothing.)
          let tokensOnly = Slots<Chunk>(count: chunkCount)
          DispatchQueue.concurrentPerform(iterations: chunkCount) { chunkIndex in
            tokensOnly.set(
              chunkIndex,
              output.writeUnits(
                pendingChunks.take(chunkIndex), firstUnit: chunkUnitOffsets[chunkIndex]))
          }
          let pendingTokens = Handover(tokensOnly.takeValues())
          DispatchQueue.concurrentPerform(iterations: chunkCount) { chunkIndex in
            large.set(
              chunkIndex,
              output.write(
                pendingTokens.take(chunkIndex), firstUnit: chunkUnitOffsets[chunkIndex],
                pendingCursors.take(chunkIndex)))
          }
          lengthsWritten = unitCount
        }
        unitsWritten = unitCount
      }
      written = positionBytes
    }

    return Postings(
      terms: terms, termPostingStart: termPostingStart.map { UInt32(truncatingIfNeeded: $0) },
      termMaximumFrequency: termMaximumFrequency, postingUnits: postingUnits,
      postingPositions: PostingPositions(
        counts: counts, blockStarts: blockStarts, large: large.takeValues().flatMap { $0 }),
      positions: positions, units: units,
      unitLengthAndField: unitLengthAndField, tokenCount: tokenCount)
  }

  /// Step of the block impacts: the largest possible factor, `(k1 + 1)`
  /// times the largest boost, a little widened, over 254 steps (one step
  /// of room is added when rounding up, see `impactCode`).
  static let impactStep = (k1 + 1) * (fieldCodes.map(boost).max() ?? 1) * 1.001 / 254

  /// The byte stored for a block whose largest factor is `impact`: rounded
  /// up with a step to spare, so `impactBound` is never below `impact`
  /// whatever the rounding of the division.
  static func impactCode(_ impact: Double) -> UInt8 {
    UInt8(min(255, max(0, (impact / impactStep).rounded(.up) + 1)))
  }

  /// An upper bound of the factors of a block stored as `code`.
  @inline(__always)
  static func impactBound(_ code: UInt8) -> Double { Double(code) * impactStep }

  /// A posting's BM25 term factor before idf, boosted by its field:
  /// `boost × f(k1+1)/(f+norm)`, for `frequency` occurrences in a unit
  /// whose length and field code are `packed` (`unitLengthAndField`).
  @inline(__always)
  static func boostedFactor(
    frequency: Double, packed: UInt32, averageLength: Double, boosts: UnsafeBufferPointer<Double>
  ) -> Double {
    let length = Double(packed & 0x0FFF_FFFF)
    let norm = k1 * (1 - b + b * length / averageLength)
    return frequency * (k1 + 1) / (frequency + norm) * boosts[Int(packed >> 28) % boosts.count]
  }

  /// Per block of postings, the largest `boostedFactor`, computed exactly
  /// as ranking does, stored rounded up; blocks in parallel.
  ///
  /// Most postings have one position, and then the factor depends on the
  /// unit alone: its code is computed once per unit (the same functions,
  /// so the same value), and such a posting costs a byte read instead of
  /// two divisions. Codes, not factors: `impactCode` never decreases, so
  /// the largest code is the code of the largest factor, and a byte per
  /// unit stays in the cache where a `Double` did not (at 100,000
  /// resolutions this step took 35 times its time at 10,000).
  static func postingBlockImpacts(
    postingCount: Int, postingUnits: PostingUnits, postingPositions: PostingPositions,
    unitLengthAndField: [UInt32], averageLength: Double
  ) -> [UInt8] {
    let blockCount = (postingCount + (1 << postingBlockShift) - 1) >> postingBlockShift
    let unitCount = unitLengthAndField.count
    let boosts = fieldCodes.map(boost)
    // Arrays are shared with the tasks; each task reads them through
    // pointers of its own (pointers are not `Sendable`).
    let codesAtOne = [UInt8](unsafeUninitializedCapacity: unitCount) { codes, written in
      let output = DisjointWrites(buffer: codes)
      (0..<unitCount).concurrentForEachPart { units in
        boosts.withUnsafeBufferPointer { boosts in
          unitLengthAndField.withUnsafeBufferPointer { lengthAndField in
            for unit in units {
              output.buffer.initializeElement(
                at: unit,
                to: impactCode(
                  boostedFactor(
                    frequency: 1, packed: lengthAndField[unit], averageLength: averageLength,
                    boosts: boosts)))
            }
          }
        }
      }
      written = unitCount
    }
    let emptyCode = impactCode(0)
    var impacts = [UInt8](repeating: 0, count: blockCount)
    impacts.withUnsafeMutableBufferPointer { impacts in
      let output = DisjointWrites(buffer: impacts)
      (0..<blockCount).concurrentForEachPart { blocks in
        boosts.withUnsafeBufferPointer { boosts in
          unitLengthAndField.withUnsafeBufferPointer { lengthAndField in
            codesAtOne.withUnsafeBufferPointer { codesAtOne in
              let postingUnits = postingUnits.view
              for block in blocks {
                var best = emptyCode
                let start = block << postingBlockShift
                for posting in start..<min(postingCount, start + (1 << postingBlockShift)) {
                  let unit = Int(postingUnits[posting])
                  guard unit < unitCount else { continue }
                  let count = postingPositions.count(posting)
                  let code =
                    count == 1
                    ? codesAtOne[unit]
                    : impactCode(
                      boostedFactor(
                        frequency: Double(count), packed: lengthAndField[unit],
                        averageLength: averageLength, boosts: boosts))
                  best = max(best, code)
                }
                output.buffer[block] = best
              }
            }
          }
        }
      }
    }
    return impacts
  }

  /// Pass 1 over `documents[range]`: titles and their footnotes, section
  /// and annex headings, clauses (depth first) and their footnotes, in
  /// corpus order.
  private static func collectChunk(_ documents: [Document], _ range: Range<Int>) -> Chunk {
    var builder = ChunkBuilder()
    var tokenizer = SearchTokenizer()
    // Fields are read in place (`documents[d].title`): a `Document`, a
    // `Section` or a `Clause` copied whole retains and releases every
    // string and array it holds (reference counting showed in profiles).
    for documentIndex in range {
      let ordinal = Int32(documentIndex)
      if let title = documents[documentIndex].title, !title.isEmpty {
        builder.add(.title, ordinal, -1, -1, -1, title, &tokenizer)
      }
      let titleFootnotes = documents[documentIndex].titleFootnotes
      for footnoteIndex in titleFootnotes.indices {
        builder.add(
          .footnote, ordinal, -1, -1, footnoteIndex,
          titleFootnotes[footnoteIndex].text, &tokenizer)
      }
      var group = 0
      let sections = documents[documentIndex].sections
      for index in sections.indices {
        builder.addGroup(
          ordinal, group, sections[index].heading, sections[index].clauses, &tokenizer)
        group += 1
      }
      let annexes = documents[documentIndex].annexes
      for index in annexes.indices {
        builder.addGroup(
          ordinal, group, annexHeading(annexes[index]), annexes[index].clauses, &tokenizer)
        group += 1
      }
    }
    return builder.finished
  }
}

/// Accumulates one chunk of pass 1.
private struct ChunkBuilder {
  var chunk = SearchIndex.Chunk()
  private var interner = TermInterner()

  mutating func addGroup(
    _ document: Int32, _ group: Int, _ heading: String, _ clauses: [Clause],
    _ tokenizer: inout SearchTokenizer
  ) {
    add(.heading, document, group, -1, -1, heading, &tokenizer)
    // Depth first without recursion, as `SearchIndex.clause(at:in:)` counts.
    var clauseIndex = 0
    var stack: [ArraySlice<Clause>] = [clauses[...]]
    while var top = stack.popLast() {
      guard let first = top.indices.first else { continue }
      // Only the fields used, read in place (see `collectChunk`).
      let children = top[first].children
      let footnotes = top[first].footnotes
      top[first].withStoredText { codebook, stored in
        if let codebook, let stored {
          addCoded(
            document, group, clauseIndex, stored, count: top[first].textByteCount,
            codebook: codebook, &tokenizer)
        } else {
          top[first].withTextBytes { text in
            addUTF8(.clause, document, group, clauseIndex, -1, text, &tokenizer)
          }
        }
      }
      top = top.dropFirst()
      stack.append(top)
      if !children.isEmpty { stack.append(children[...]) }
      for footnoteIndex in footnotes.indices {
        add(
          .footnote, document, group, clauseIndex, footnoteIndex,
          footnotes[footnoteIndex].text, &tokenizer)
      }
      clauseIndex += 1
    }
  }

  mutating func add(
    _ field: SearchField, _ document: Int32, _ section: Int, _ clause: Int, _ footnote: Int,
    _ text: String, _ tokenizer: inout SearchTokenizer
  ) {
    var text = text
    text.withUTF8 {
      addUTF8(field, document, section, clause, footnote, $0, &tokenizer)
    }
  }

  /// `add` for text read in place.
  mutating func addUTF8(
    _ field: SearchField, _ document: Int32, _ section: Int, _ clause: Int, _ footnote: Int,
    _ text: UnsafeBufferPointer<UInt8>, _ tokenizer: inout SearchTokenizer
  ) {
    let (unit, before) = beginUnit(document, section, clause, footnote)
    tokenizer.forEachTermBytes(inUTF8: text) { term, _ in
      count(interner.intern(padded: term), in: unit)
    }
    endUnit(field, tokensFrom: before)
  }

  /// `addUTF8` for a clause's coded text (`WordCoding`): a word that is a
  /// term on its own is looked up by its number, its term found once per
  /// chunk (most words are), and only the text around other words is
  /// decoded and tokenised.
  mutating func addCoded(
    _ document: Int32, _ section: Int, _ clause: Int, _ stored: UnsafePointer<UInt8>,
    count: Int, codebook: WordCodebook, _ tokenizer: inout SearchTokenizer
  ) {
    let (unit, before) = beginUnit(document, section, clause, -1)
    var cache = takeWordTerms(of: codebook)
    WordCoding.forEachPart(
      of: stored, count: count, codebook: codebook,
      text: { text in
        tokenizer.forEachTermBytes(inUTF8: text) { term, _ in
          self.count(interner.intern(padded: term), in: unit)
        }
      },
      word: { number in
        if number >= cache.terms.count {
          // Doubled, not grown by a step: a codebook can hold millions.
          let larger = max(number + 1, 2 * cache.terms.count, 1024)
          cache.terms += repeatElement(-1, count: larger - cache.terms.count)
        }
        var id = cache.terms[number]
        if id < 0 {
          id = term(ofWord: number, in: codebook)
          cache.terms[number] = id
        }
        self.count(id, in: unit)
      })
    wordTerms.append(cache)
    endUnit(.clause, tokensFrom: before)
  }

  /// Per codebook met, the term id of each word number (-1: not yet
  /// known): a word's term is its letters lowered.
  private var wordTerms: [(codebook: ObjectIdentifier, terms: [Int32])] = []

  /// The word terms of `codebook`, taken out (`addCoded` puts them back).
  private mutating func takeWordTerms(of codebook: WordCodebook) -> (
    codebook: ObjectIdentifier, terms: [Int32]
  ) {
    let identifier = ObjectIdentifier(codebook)
    guard let index = wordTerms.firstIndex(where: { $0.codebook == identifier }) else {
      return (identifier, [])
    }
    return wordTerms.remove(at: index)
  }

  /// The term id of word `number`: its letters, lowered.
  private mutating func term(ofWord number: Int, in codebook: WordCodebook) -> Int32 {
    let (letters, length) = codebook.letters(number)
    return withUnsafeTemporaryAllocation(
      of: UInt8.self, capacity: WordCodebook.longestWord + SearchTokenizer.termPadding
    ) { buffer in
      let term = buffer.baseAddress!
      for index in 0..<length {
        let byte = letters[index]
        term[index] = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
      }
      return interner.intern(padded: UnsafeBufferPointer(start: term, count: length))
    }
  }

  /// Starts a unit: its record, and where its tokens start.
  private mutating func beginUnit(
    _ document: Int32, _ section: Int, _ clause: Int, _ footnote: Int
  ) -> (unit: Int32, before: Int) {
    let unit = Int32(chunk.units.count)
    chunk.units.append(
      SearchIndex.Unit(
        document: document, section: Int32(section), clause: Int32(clause),
        footnote: Int32(footnote)))
    unitTerms.removeAll(keepingCapacity: true)
    return (unit, chunk.tokenTerms.count)
  }

  /// The current unit's term ids, in order: a long unit counts them again.
  private var unitTerms: [Int32] = []

  /// Counts a token of term `id` in `unit`.
  @inline(__always)
  private mutating func count(_ id: Int32, in unit: Int32) {
    if Int(id) == chunk.tallies.count { chunk.tallies.append(SearchIndex.TermTally()) }
    chunk.tallies.withUnsafeMutableBufferPointer { tallies in
      let index = Int(id)
      tallies[index].tokens += 1
      if tallies[index].lastUnit != unit {
        tallies[index].lastUnit = unit
        tallies[index].postings += 1
        tallies[index].run = 0
      }
      tallies[index].run &+= 1
      tallies[index].maximumFrequency = max(tallies[index].maximumFrequency, tallies[index].run)
    }
    chunk.tokenTerms.append(id)
    unitTerms.append(id)
  }

  /// Ends the unit whose tokens start at `before`: its length and field.
  private mutating func endUnit(_ field: SearchField, tokensFrom before: Int) {
    let count = chunk.tokenTerms.count - before
    if count > PostingPositions.narrowUnitLength {
      // A long unit's positions take two bytes (rare).
      for id in unitTerms { chunk.tallies[Int(id)].wideTokens += 1 }
    }
    chunk.unitTokenCounts.append(Int32(clamping: count))
    let code = UInt32(SearchIndex.fieldCodes.firstIndex(of: field) ?? 3)
    chunk.lengthAndField.append(UInt32(min(count, 0x0FFF_FFFF)) | code << 28)
  }

  var finished: SearchIndex.Chunk {
    var result = chunk
    result.terms = interner.terms
    result.termOrder = VocabularyMerge.sortedOrder(result.terms)
    return result
  }
}

/// The shared output arrays of pass 2; each chunk writes only its own slots.
private struct PostingOutput: @unchecked Sendable {
  let positions: UnsafeMutableBufferPointer<UInt8>
  let postingUnits: PostingUnits.Writer
  /// Per posting, its count so far (see `PostingPositions`).
  let counts: UnsafeMutableBufferPointer<UInt8>
  let blockStarts: UnsafeMutableBufferPointer<UInt32>
  let units: UnsafeMutableBufferPointer<SearchIndex.Unit>
  let unitLengthAndField: UnsafeMutableBufferPointer<UInt32>

  /// Writes `chunk`'s units; returns the chunk with only what `write`
  /// reads (its token ids and per-unit token counts).
  func writeUnits(_ chunk: consuming SearchIndex.Chunk, firstUnit: Int) -> SearchIndex.Chunk {
    for (index, unit) in chunk.units.enumerated() {
      units.initializeElement(at: firstUnit + index, to: unit)
    }
    for (index, packed) in chunk.lengthAndField.enumerated() {
      unitLengthAndField.initializeElement(at: firstUnit + index, to: packed)
    }
    var rest = SearchIndex.Chunk()
    swap(&rest.unitTokenCounts, &chunk.unitTokenCounts)
    swap(&rest.tokenTerms, &chunk.tokenTerms)
    return rest
  }

  /// Writes the positions and postings of `chunk` (after `writeUnits`);
  /// returns its postings with `largeMark` counts and their counts.
  func write(
    _ chunk: consuming SearchIndex.Chunk, firstUnit: Int,
    _ cursors: consuming [SearchIndex.PostingCursor]
  )
    -> [(posting: Int, count: Int)]
  {
    var cursors = cursors
    // Each block of ids is given back once read: the room it leaves is
    // what the index grows into.
    var tokenTerms = TermIDBlocks.Reader(chunk.tokenTerms.blocks)
    var large: [Int: Int] = [:]
    let blockMask = PostingPositions.blockSize - 1
    let largeMark = PostingPositions.largeMark
    let countBits = PostingPositions.countBits
    let positionBytes = UnsafeMutableRawPointer(positions.baseAddress)
    cursors.withUnsafeMutableBufferPointer { cursors in
      for (offset, count) in chunk.unitTokenCounts.enumerated() {
        let unit = Int32(truncatingIfNeeded: firstUnit + offset)
        let isWide = Int(count) > PostingPositions.narrowUnitLength
        let width = isWide ? 2 : 1
        let firstCount: UInt8 = isWide ? PostingPositions.wideFlag | 1 : 1
        for position in 0..<Int(count) {
          let local = Int(tokenTerms.next())
          let slot = cursors[local].position
          cursors[local].position = slot + width
          if cursors[local].lastUnit != unit {
            cursors[local].lastUnit = unit
            let posting = Int(cursors[local].posting)
            cursors[local].posting &+= 1
            postingUnits.set(posting, unit)
            counts[posting] = firstCount
            if posting & blockMask == 0 {
              blockStarts[posting >> PostingPositions.blockShift] = UInt32(
                truncatingIfNeeded: slot)
            }
          } else {
            // Another of the posting's positions, in the same unit.
            let posting = Int(cursors[local].posting) - 1
            let byte = counts[posting]
            let count = byte & countBits
            if count < largeMark - 1 {
              counts[posting] = byte + 1
            } else if count == largeMark - 1 {
              counts[posting] = byte | largeMark
              large[posting] = Int(largeMark)
            } else {
              large[posting, default: 0] += 1
            }
          }
          if isWide {
            positionBytes.unsafelyUnwrapped.storeBytes(
              of: UInt16(min(position, Int(UInt16.max))).littleEndian, toByteOffset: slot,
              as: UInt16.self)
          } else {
            positions[slot] = UInt8(truncatingIfNeeded: position)
          }
        }
      }
    }
    return large.map { (posting: $0.key, count: $0.value) }
  }
}
