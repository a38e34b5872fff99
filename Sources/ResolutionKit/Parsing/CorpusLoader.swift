import Foundation

/// Reads files and folders into a corpus.
public enum CorpusLoader {
  /// Loads files and folders (every supported file inside, recursively,
  /// sorted by path): text, Word, PDF and HTML, the format chosen by content.
  /// Sources that cannot be read (missing, binary, corrupt, a folder without
  /// supported files) are returned as errors; the rest still load. Source
  /// names are the paths as given (folder path + "/" + relative path for
  /// folder contents). Files are read in parallel: PDF conversion runs a
  /// subprocess per file, and results keep the input order.
  public static func load(paths: [String]) -> (corpus: Corpus, errors: [LoadError]) {
    let (texts, decodingDiagnostics, errors) = readSources(paths: paths)
    var corpus = Corpus.build(from: consume texts)
    corpus.diagnostics.insert(contentsOf: decodingDiagnostics, at: 0)
    return (corpus, errors)
  }

  /// The texts of the files and folders, with the readers' diagnostics and
  /// errors for sources that cannot be read.
  static func readSources(paths: [String]) -> (
    texts: [SourceText], diagnostics: [Diagnostic], errors: [LoadError]
  ) {
    var errors: [LoadError] = []
    let files = expand(paths, errors: &errors)
    let results = files.concurrentMap { SourceReader.load(path: $0.path, name: $0.name) }
    var texts: [SourceText] = []
    var decodingDiagnostics: [Diagnostic] = []
    for result in results {
      switch result {
      case .success(let loaded):
        texts.append(loaded.source)
        decodingDiagnostics += loaded.diagnostics
      case .failure(let error):
        errors.append(error)
      }
    }
    return (texts, decodingDiagnostics, errors)
  }

  /// (name as shown, path to read) for every file to load.
  private static func expand(_ paths: [String], errors: inout [LoadError]) -> [(name: String, path: String)] {
    var files: [(name: String, path: String)] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        errors.append(LoadError(file: path, message: "no such file or folder"))
        continue
      }
      guard isDirectory.boolValue else {
        files.append((path, path))
        continue
      }
      let folder = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
      let inside = (manager.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
        .filter { relative in
          guard SourceFormat.isSupported(fileName: relative) else { return false }
          var isFolder: ObjCBool = false
          return manager.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder)
            && !isFolder.boolValue
        }
        .sorted()
      if inside.isEmpty {
        errors.append(LoadError(file: path, message: "folder holds no supported files (.txt, .md, .docx, .pdf, .html)"))
      }
      files += inside.map { (folder + "/" + $0, folder + "/" + $0) }
    }
    return files
  }
}
