extension Document {
  /// The text a reference's `span` indexes (UTF-8 byte offsets): the
  /// title, a heading, a clause's text, one of its footnotes, an annex
  /// title or the `Ref.:` line. Nil when the document has no such text.
  public func fieldText(of reference: Reference) -> String? {
    switch reference.field {
    case .title: return title
    case .sources: return sourcesLine
    case .heading: return sections.first { $0.heading == reference.path }?.heading
    case .annexTitle: return annexes.first { $0.heading == reference.path }?.title
    case .clause: return clause(atPath: reference.path)?.text
    case .footnote:
      // Path "": a footnote of the title.
      guard let index = reference.footnote,
        let footnotes = reference.path.isEmpty
          ? titleFootnotes : clause(atPath: reference.path)?.footnotes,
        footnotes.indices.contains(index)
      else { return nil }
      return footnotes[index].text
    }
  }

  /// The references standing at `path`: a clause's text and footnotes, a
  /// section heading, or an annex title; nil gives every reference.
  public func references(atPath path: String?) -> [Reference] {
    guard let path else { return references }
    return references.filter { $0.path == path && $0.field != .title && $0.field != .sources }
  }
}

extension Corpus {
  /// The references standing at an address (see `Document.references(atPath:)`).
  public func references(at address: ClauseAddress) -> [Reference] {
    document(id: address.documentID)?.references(atPath: address.path) ?? []
  }

  /// Where following a reference leads: its target document, and the
  /// pinpointed clause when the target has a clause with that path. Nil
  /// when the reference is dangling or ambiguous.
  public func destination(of reference: Reference) -> ClauseAddress? {
    guard let target = reference.target, let document = document(id: target) else { return nil }
    let path = reference.pinpoint.flatMap { document.clause(atPath: $0) != nil ? $0 : nil }
    return ClauseAddress(documentID: target, path: path)
  }

  /// The reference a backlink stands for.
  public func reference(of backlink: Backlink) -> Reference? {
    guard let document = document(id: backlink.source.documentID),
      document.references.indices.contains(backlink.referenceIndex)
    else { return nil }
    return document.references[backlink.referenceIndex]
  }
}
