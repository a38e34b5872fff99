import Dispatch

/// Merges the chunk-local vocabularies of the index build into one sorted
/// vocabulary, and maps each chunk's local ids to global ones.
///
/// The build's only serial step that grew with the vocabulary: a set union,
/// a sort and a dictionary of every term took 0.37 s at 100,000
/// resolutions. Here each chunk sorts its own terms, sorted lists merge in
/// pairs (each round's pairs in parallel), and each chunk maps its ids by
/// walking its sorted terms beside the global ones, with no hashing.
enum VocabularyMerge {
  struct Result: Sendable {
    /// Every distinct term, in ascending order.
    var terms: [String]
    /// Per chunk, the global id of each local id.
    var localToGlobal: [[Int32]]
  }

  /// The vocabulary of chunks whose local ids are already in term order
  /// (`orders`: `sortedOrder` of each chunk's terms, which are distinct;
  /// sorted by each chunk in pass 1).
  static func merge(_ chunkTerms: [[String]], orders: [[Int]]) -> Result {
    // Sorted, without repeats: the tokenizer's terms are NFC, so distinct
    // bytes are distinct strings, but a String compares canonically, and
    // so did the set this replaced.
    var lists = zip(chunkTerms, orders).map { terms, order in
      var sorted: [String] = []
      sorted.reserveCapacity(order.count)
      for local in order where sorted.last != terms[local] { sorted.append(terms[local]) }
      return sorted
    }
    while lists.count > 1 {
      let pairs = stride(from: 0, to: lists.count, by: 2).map { index in
        index + 1 < lists.count ? (lists[index], lists[index + 1]) : (lists[index], [])
      }
      lists = pairs.concurrentMap { mergeDistinct($0.0, $0.1) }
    }
    let terms = lists.first ?? []
    let localToGlobal = Array(chunkTerms.indices).concurrentMap { chunk -> [Int32] in
      var map = [Int32](repeating: 0, count: chunkTerms[chunk].count)
      var global = 0
      for local in orders[chunk] {
        let term = chunkTerms[chunk][local]
        while terms[global] != term { global += 1 }
        map[local] = Int32(global)
      }
      return map
    }
    return Result(terms: terms, localToGlobal: localToGlobal)
  }

  /// The indices of `terms` in ascending order of their terms.
  ///
  /// Most terms are ASCII, and two ASCII strings compare as their bytes
  /// do: their first eight bytes, read as one big-endian number, order
  /// most pairs with one integer comparison (terms hold no NUL, so a
  /// shorter term's zero padding sorts it before its extensions). Pairs
  /// those bytes do not settle, or with a non-ASCII term, compare as
  /// Strings, so the order is exactly `String`'s. Sorting by `String`
  /// comparison alone was 7 % of a load's instructions at 1,000
  /// resolutions.
  static func sortedOrder(_ terms: [String]) -> [Int] {
    // Per term: its first eight bytes, big-endian; 0 marks a non-ASCII
    // term (an ASCII term is never empty, so its key is never 0).
    let keys = terms.map { term -> UInt64 in
      var term = term
      return term.withUTF8 { bytes in
        var key: UInt64 = 0
        var high: UInt8 = 0
        for index in bytes.indices {
          high |= bytes[index]
          if index < 8 { key |= UInt64(bytes[index]) << (56 - 8 * UInt64(index)) }
        }
        return high < 0x80 ? key : 0
      }
    }
    return terms.indices.sorted { left, right in
      let leftKey = keys[left]
      let rightKey = keys[right]
      if leftKey != 0, rightKey != 0, leftKey != rightKey { return leftKey < rightKey }
      return terms[left] < terms[right]
    }
  }

  /// The union of two ascending lists of distinct terms, ascending.
  static func mergeDistinct(_ left: [String], _ right: [String]) -> [String] {
    if right.isEmpty { return left }
    if left.isEmpty { return right }
    var merged: [String] = []
    merged.reserveCapacity(left.count + right.count)
    var leftIndex = 0
    var rightIndex = 0
    while leftIndex < left.count, rightIndex < right.count {
      let leftTerm = left[leftIndex]
      let rightTerm = right[rightIndex]
      if leftTerm == rightTerm {
        merged.append(leftTerm)
        leftIndex += 1
        rightIndex += 1
      } else if leftTerm < rightTerm {
        merged.append(leftTerm)
        leftIndex += 1
      } else {
        merged.append(rightTerm)
        rightIndex += 1
      }
    }
    merged += left[leftIndex...]
    merged += right[rightIndex...]
    return merged
  }
}
