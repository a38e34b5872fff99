import Foundation

// PLACEHOLDER loader until the parser work (issue 2) replaces it: reads
// files and folders as UTF-8 text.
public enum CorpusLoader {
  /// Loads files and folders (every `.txt` inside, sorted). Sources that
  /// cannot be read are returned as errors; the rest still load.
  public static func load(paths: [String]) -> (corpus: Corpus, errors: [LoadError]) {
    var texts: [SourceText] = []
    var errors: [LoadError] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        errors.append(LoadError(file: path, message: "cannot read"))
        continue
      }
      texts.append(SourceText(name: path, text: String(decoding: data, as: UTF8.self)))
    }
    return (Corpus.build(from: texts), errors)
  }
}
