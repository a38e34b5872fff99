import Foundation

/// Where a reference stands: the document's position in the corpus and the
/// reference's index in that document's `references`.
public struct ReferencePosition: Hashable, Sendable {
  public var document: Int
  public var reference: Int

  public init(document: Int, reference: Int) {
    self.document = document
    self.reference = reference
  }
}

/// Who else cites what a reference that leads nowhere names (the browser's
/// "also cited in"), as a lookup: scanning every reference of the corpus
/// took 60 ms at 100,000 resolutions.
///
/// Two references name the same thing when they have the same kind and:
/// - the same number, and their bodies agree (equal, or either unstated);
/// - else (no number) the same symbol;
/// - else (neither) exactly the same text.
///
/// Only the keys of references without a target are indexed (those are
/// the ones asked about), under each of them every reference of the corpus
/// that has it, resolved or not. Asking about another reference scans.
public struct ReferenceKeyIndex: Sendable {
  private enum Key: Hashable {
    case number(ReferenceKind, String)
    case symbol(ReferenceKind, String)
    case text(ReferenceKind, String)

    /// The key a query about `reference` uses.
    init(query reference: Reference) {
      if let number = reference.number {
        self = .number(reference.kind, number)
      } else if let symbol = reference.symbol {
        self = .symbol(reference.kind, symbol)
      } else {
        self = .text(reference.kind, reference.text)
      }
    }
  }

  /// A position packed small.
  private struct Entry: Sendable {
    var document: UInt32
    var reference: UInt32
  }

  /// Per indexed key, the references that have it, in corpus order.
  private var entries: [Key: [Entry]] = [:]

  public init() {}

  /// Indexes `documents` (in corpus order): two passes over the references,
  /// the first for the keys of those without a target.
  public init(documents: [Document]) {
    var queried: Set<Key> = []
    var hasNumberKeys = false
    var hasSymbolKeys = false
    var hasTextKeys = false
    for document in documents {
      for reference in document.references where reference.target == nil {
        let key = Key(query: reference)
        switch key {
        case .number: hasNumberKeys = true
        case .symbol: hasSymbolKeys = true
        case .text: hasTextKeys = true
        }
        queried.insert(key)
      }
    }
    guard !queried.isEmpty else { return }
    for key in queried { entries[key] = [] }
    // Hashing every reference's text is the expensive part: only when some
    // query is by text.
    func add(_ key: Key, _ entry: Entry) {
      if entries[key] != nil { entries[key]?.append(entry) }
    }
    for (d, document) in documents.enumerated() {
      for (r, reference) in document.references.enumerated() {
        guard let entry = Self.entry(d, r) else { continue }
        if hasNumberKeys, let number = reference.number {
          add(.number(reference.kind, number), entry)
        }
        if hasSymbolKeys, let symbol = reference.symbol {
          add(.symbol(reference.kind, symbol), entry)
        }
        if hasTextKeys { add(.text(reference.kind, reference.text), entry) }
      }
    }
  }

  /// Every reference of `documents` (the documents indexed) that names what
  /// `reference` names, in corpus order, the reference itself included.
  public func references(sameAs reference: Reference, in documents: [Document])
    -> [ReferencePosition]
  {
    guard let found = entries[Key(query: reference)] else {
      return Self.scan(sameAs: reference, in: documents)
    }
    var result: [ReferencePosition] = []
    result.reserveCapacity(found.count)
    for entry in found {
      let position = ReferencePosition(
        document: Int(entry.document), reference: Int(entry.reference))
      guard documents.indices.contains(position.document),
        documents[position.document].references.indices.contains(position.reference),
        Self.bodiesAgree(reference, documents[position.document].references[position.reference])
      else { continue }
      result.append(position)
    }
    return result
  }

  /// The same answer by looking at every reference.
  static func scan(sameAs reference: Reference, in documents: [Document]) -> [ReferencePosition] {
    let key = Key(query: reference)
    var result: [ReferencePosition] = []
    for (d, document) in documents.enumerated() {
      for (r, other) in document.references.enumerated() where other.kind == reference.kind {
        let same: Bool
        switch key {
        case .number(_, let number): same = other.number == number
        case .symbol(_, let symbol): same = other.symbol == symbol
        case .text(_, let text): same = other.text == text
        }
        if same, bodiesAgree(reference, other) {
          result.append(ReferencePosition(document: d, reference: r))
        }
      }
    }
    return result
  }

  /// For a query by number: stated bodies must be equal.
  private static func bodiesAgree(_ reference: Reference, _ other: Reference) -> Bool {
    guard reference.number != nil, let body = reference.body, let otherBody = other.body else {
      return true
    }
    return body == otherBody
  }

  private static func entry(_ document: Int, _ reference: Int) -> Entry? {
    guard let d = UInt32(exactly: document), let r = UInt32(exactly: reference) else { return nil }
    return Entry(document: d, reference: r)
  }
}

extension Corpus {
  /// References grouped by what they name; built on first use.
  public var referenceKeys: ReferenceKeyIndex {
    referenceKeysBox.value { ReferenceKeyIndex(documents: documents) }
  }

  /// Builds `referenceKeys` now, off the main thread, so the first link
  /// that leads nowhere does not wait for it.
  public func prepareReferenceKeysInBackground() {
    let corpus = self
    Thread.detachNewThread { _ = corpus.referenceKeys }
  }

  /// References that name what `reference` names (see `ReferenceKeyIndex`),
  /// in corpus order, the reference itself included.
  public func references(sameAs reference: Reference) -> [ReferencePosition] {
    referenceKeys.references(sameAs: reference, in: documents)
  }
}
