/// What a written citation leads to.
public struct CitationMatch: Hashable, Sendable {
  /// The clause named, or when the pinpoint was not found its nearest
  /// existing ancestor clause, or the document.
  public var address: ClauseAddress
  /// False when a pinpoint was written but no clause of the document has
  /// it (`address` is then the nearest ancestor or the document).
  public var pinpointFound: Bool
  /// The pinpoint as understood (normalised words and labels), when one
  /// was written: `"resolves 9"`.
  public var pinpoint: String?

  public init(address: ClauseAddress, pinpointFound: Bool, pinpoint: String? = nil) {
    self.address = address
    self.pinpointFound = pinpointFound
    self.pinpoint = pinpoint
  }
}

/// A completion for the `:` go-to prompt.
public struct CitationSuggestion: Hashable, Sendable {
  /// What to put in the prompt; reads back to `address`: `"R1316 resolves 1.1"`.
  public var completion: String
  /// How to show it: the short citation.
  public var label: String
  /// The title or clause text, for a second column (control characters removed).
  public var detail: String
  public var address: ClauseAddress

  public init(completion: String, label: String, detail: String, address: ClauseAddress) {
    self.completion = completion
    self.label = label
    self.detail = detail
    self.address = address
  }
}
