extension RandomAccessCollection where Element: Comparable {
  /// In ascending elements, the index of the first not less than `value`
  /// (`endIndex` when all are): binary search.
  func sortedLowerBound(of value: Element) -> Index {
    var low = startIndex
    var high = endIndex
    while low < high {
      let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
      if self[middle] < value { low = index(after: middle) } else { high = middle }
    }
    return low
  }
}
