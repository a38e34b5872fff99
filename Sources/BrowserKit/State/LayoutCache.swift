/// Reader layouts by document and width, so a keypress never re-wraps.
/// Bounded by count and by lines: a line is about 80 bytes, and a
/// document of one 20 MB clause is 384,000 lines at 100 columns, so
/// resizing the terminal over it could otherwise keep 32 of those.
struct LayoutCache: Sendable {
  private struct Key: Hashable {
    var document: Int
    var width: Int
  }
  let capacity: Int
  let lineBudget: Int
  private var entries: [Key: ReaderLayout] = [:]
  /// Keys in the order they were stored, oldest first.
  private var order: [Key] = []
  /// Lines of every layout held.
  private(set) var lineCount = 0

  init(capacity: Int = 32, lineBudget: Int = 1_000_000) {
    self.capacity = capacity
    self.lineBudget = lineBudget
  }

  var count: Int { entries.count }

  func cached(_ document: Int, _ width: Int) -> ReaderLayout? {
    entries[Key(document: document, width: width)]
  }

  /// Stores a layout, dropping the oldest ones while the cache is over its
  /// count or its lines (the new layout always stays). One at a time:
  /// dropping all 32 at once (thousands of freed lines) made one keypress
  /// in 32 slow.
  mutating func store(_ layout: ReaderLayout) {
    let key = Key(document: layout.documentIndex, width: layout.width)
    if let old = entries.removeValue(forKey: key) {
      lineCount -= old.lines.count
      order.removeAll { $0 == key }
    }
    while let oldest = order.first,
      order.count >= capacity || lineCount + layout.lines.count > lineBudget
    {
      order.removeFirst()
      lineCount -= entries.removeValue(forKey: oldest)?.lines.count ?? 0
    }
    order.append(key)
    entries[key] = layout
    lineCount += layout.lines.count
  }
}
