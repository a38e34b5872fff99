import ResolutionKit

extension ClipboardDelivery {
  /// Copies the citation of a clause or document (the browser's `y`/`Y`).
  /// A citation that cannot be written (template error, stale address) is
  /// returned as the error, and nothing is copied.
  public func copyCitation(
    of address: ClauseAddress, in corpus: Corpus, as format: CitationFormat
  ) -> Result<ClipboardResult, CitationError> {
    do {
      return .success(copy(try Citation.format(address, in: corpus, as: format)))
    } catch {
      return .failure(error)
    }
  }
}
