extension Corpus {
  /// The sample corpus compiled into the binary: the seed excerpt verbatim
  /// and illustrative resolutions written for this project.
  public static let sample: Corpus = build(
    from: EmbeddedSampleCorpus.files.map { SourceText(name: $0.name, text: $0.text) })
}
