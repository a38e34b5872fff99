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

  static func merge(_ chunkTerms: [[String]]) -> Result {
    // Each chunk's local ids in term order (local terms are distinct).
    let orders = chunkTerms.concurrentMap { terms in
      terms.indices.sorted { terms[$0] < terms[$1] }
    }
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
