import ResolutionKit

/// Text for the clipboard, with what it is for the status line.
public struct CopyRequest: Hashable, Sendable {
  public var text: String
  /// `short citation of R1316 › considering ¶1`
  public var description: String

  public init(text: String, description: String) {
    self.text = text
    self.description = description
  }
}

/// Copying citations: y (default format), Y (quotation), F (picker).
extension BrowserState {
  /// The clause in the reader, or the document when no clause is current.
  public var citedAddress: ClauseAddress? {
    document.map { ClauseAddress(documentID: $0.id, path: currentClause) }
  }

  mutating func copyCitation(as format: CitationFormat) -> BrowserEffect {
    guard let address = citedAddress else {
      statusMessage = StatusMessage("No document to cite")
      return .none
    }
    do {
      let text = try Citation.format(address, in: corpus, as: format)
      return .copy(CopyRequest(text: text, description: describe(format, address)))
    } catch {
      statusMessage = StatusMessage("Cannot write the citation: \(error)", isError: true)
      return .none
    }
  }

  private func describe(_ format: CitationFormat, _ address: ClauseAddress) -> String {
    let place = Location(documentID: address.documentID, clausePath: address.path).label
    return "\(format.name) citation of \(place)"
  }

  mutating func openCitationPicker() {
    guard let address = citedAddress else {
      statusMessage = StatusMessage("No document to cite")
      return
    }
    let entries = Citation.previews(of: address, in: corpus, templates: citationTemplates).map {
      CitationPicker.Entry(format: $0.format, preview: $0.citation)
    }
    let selection = entries.firstIndex { $0.format == defaultCitationFormat } ?? 0
    overlay = .citationFormats(
      CitationPicker(address: address, entries: entries, selection: selection))
  }

  mutating func copy(from picker: CitationPicker) -> BrowserEffect {
    guard picker.entries.indices.contains(picker.selection) else { return .none }
    let entry = picker.entries[picker.selection]
    switch entry.preview {
    case .success(let text):
      overlay = nil
      return .copy(CopyRequest(text: text, description: describe(entry.format, picker.address)))
    case .failure(let error):
      statusMessage = StatusMessage("\(entry.format.name): \(error)", isError: true)
      return .none
    }
  }
}
