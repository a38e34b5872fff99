/// What the `doc:`, `kind:`, `body:` and `in:` filters leave, checked per
/// candidate unit in ascending order: a query pays per candidate, not per
/// unit of the corpus.
struct UnitFilter {
  /// Per document, whether it is allowed; nil when no document filter.
  let documents: [Bool]?
  /// Allowed heading units, ascending; nil when no `in:` filter.
  let headings: [Int32]?
  /// Into `headings`: the first not below the last heading asked about.
  private var cursor = 0

  init(documents: [Bool]?, headings: [Int32]?) {
    self.documents = documents
    self.headings = headings
  }

  /// After `allows` said no: the next allowed heading unit, the first unit
  /// that can pass the heading check (nil when none is left; units before
  /// it cannot pass).
  var nextHeading: Int32? {
    guard let headings else { return 0 }
    return cursor < headings.count ? headings[cursor] : nil
  }

  /// Whether a unit of `document` standing under `headingUnit` passes.
  /// Calls must come in ascending unit order (their heading units then
  /// ascend too, titles aside), so the heading check is a moving cursor.
  mutating func allows(document: Int32, headingUnit: Int32) -> Bool {
    if let documents {
      guard Int(document) < documents.count, documents[Int(document)] else { return false }
    }
    guard let headings else { return true }
    guard headingUnit >= 0 else { return false }
    while cursor < headings.count, headings[cursor] < headingUnit { cursor += 1 }
    return cursor < headings.count && headings[cursor] == headingUnit
  }
}
