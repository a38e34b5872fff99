extension Corpus {
  /// The texts of the sample corpus compiled into the binary: the seed
  /// excerpt verbatim and illustrative resolutions written for this project.
  public static let sampleSources: [SourceText] = EmbeddedSampleCorpus.files.map {
    SourceText(name: $0.name, text: $0.text)
  }

  /// The sample corpus, parsed: what `resbrowse` opens with no sources.
  public static let sample: Corpus = build(from: sampleSources)
}
