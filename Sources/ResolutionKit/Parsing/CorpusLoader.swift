import Foundation

/// Reads files and folders into a corpus.
public enum CorpusLoader {
  /// File name endings read from folders.
  static let textExtensions = ["txt", "md"]

  /// Loads files and folders (every `.txt` and `.md` inside, recursively,
  /// sorted by path). Sources that cannot be read (missing, binary, a folder
  /// without text files) are returned as errors; the rest still load.
  /// Source names are the paths as given (folder path + "/" + relative path
  /// for folder contents).
  public static func load(paths: [String]) -> (corpus: Corpus, errors: [LoadError]) {
    let (texts, decodingDiagnostics, errors) = readSources(paths: paths)
    var corpus = Corpus.build(from: texts)
    corpus.diagnostics.insert(contentsOf: decodingDiagnostics, at: 0)
    return (corpus, errors)
  }

  /// The texts of the files and folders, with diagnostics for repaired
  /// UTF-8 and errors for sources that cannot be read.
  static func readSources(paths: [String]) -> (
    texts: [SourceText], diagnostics: [Diagnostic], errors: [LoadError]
  ) {
    var texts: [SourceText] = []
    var errors: [LoadError] = []
    var decodingDiagnostics: [Diagnostic] = []
    for (name, path) in expand(paths, errors: &errors) {
      guard let data = FileManager.default.contents(atPath: path) else {
        errors.append(LoadError(file: name, message: "cannot read the file"))
        continue
      }
      switch SourceDecoder.decode([UInt8](data)) {
      case .binary:
        errors.append(LoadError(file: name, message: "not a text file (binary data)"))
      case .text(let text, let invalidLine):
        if let invalidLine {
          decodingDiagnostics.append(
            Diagnostic(
              file: name, line: invalidLine,
              message: "invalid UTF-8 replaced with U+FFFD (first at line \(invalidLine))"))
        }
        texts.append(SourceText(name: name, text: text))
      }
    }
    return (texts, decodingDiagnostics, errors)
  }

  /// (name as shown, path to read) for every file to load.
  private static func expand(_ paths: [String], errors: inout [LoadError]) -> [(String, String)] {
    var files: [(String, String)] = []
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
          let ext = (relative as NSString).pathExtension.lowercased()
          guard textExtensions.contains(ext) else { return false }
          var isFolder: ObjCBool = false
          return manager.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder)
            && !isFolder.boolValue
        }
        .sorted()
      if inside.isEmpty {
        errors.append(LoadError(file: path, message: "folder holds no .txt or .md files"))
      }
      files += inside.map { (folder + "/" + $0, folder + "/" + $0) }
    }
    return files
  }
}
