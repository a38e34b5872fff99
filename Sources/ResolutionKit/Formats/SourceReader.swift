import Foundation

/// A source converted to text, with what was noticed on the way.
public struct LoadedSource: Sendable {
  public var source: SourceText
  public var format: SourceFormat
  /// Warnings that do not stop loading (invalid UTF-8 repaired).
  public var diagnostics: [Diagnostic]

  public init(source: SourceText, format: SourceFormat, diagnostics: [Diagnostic] = []) {
    self.source = source
    self.format = format
    self.diagnostics = diagnostics
  }
}

/// Turns a file of any supported format into the plain text the parser
/// reads: one paragraph per line, blank lines between paragraphs. Line
/// numbers in the parsed tree are lines of this text, not of the original
/// Word, PDF or HTML file. Word footnotes and endnotes are written where
/// their marker stands, `[footnote 1: text]` / `[endnote i: text]`, so
/// they stay inside their clause until the parser lifts them into
/// `Clause.footnotes`.
public enum SourceReader {
  /// Reads the file at `path` and converts it; `name` is what the source
  /// is called in the corpus (the path when nil). PDFs are handed to
  /// `pdftotext` by path, so they are not copied.
  public static func load(path: String, name: String? = nil) -> Result<LoadedSource, LoadError> {
    let name = name ?? path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(LoadError(file: name, message: "no such file"))
    }
    guard !isDirectory.boolValue else {
      return .failure(LoadError(file: name, message: "is a folder"))
    }
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
      size >= DocumentParser.maximumBytes
    {
      return .failure(
        LoadError(file: name, message: "is \(size) bytes: files of 4 GB or more cannot be loaded"))
    }
    if let text = UTF8FileReader.text(atPath: path, name: name) {
      return .success(LoadedSource(source: SourceText(name: name, text: text), format: .text))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(LoadError(file: name, message: "cannot read the file"))
    }
    if SourceFormat.detect(data: data, fileName: path) == .pdf {
      return PDFReader.text(ofFileAt: path)
        .map { LoadedSource(source: SourceText(name: name, text: $0), format: .pdf) }
        .mapError { LoadError(file: name, message: $0.message) }
    }
    return load(data: data, name: name)
  }

  /// Converts bytes already read. `name` names the source (and its
  /// extension helps when the content is ambiguous).
  public static func load(data: Data, name: String) -> Result<LoadedSource, LoadError> {
    let format = SourceFormat.detect(data: data, fileName: name)
    let converted: Result<(text: String, diagnostics: [Diagnostic]), FormatError>
    switch format {
    case .docx: converted = DocxReader.text(from: data).map { ($0, []) }
    case .pdf: converted = PDFReader.text(from: data).map { ($0, []) }
    case .html: converted = HTMLReader.text(from: data).map { ($0, []) }
    case .text: converted = PlainTextReader.text(from: data, name: name)
    }
    return
      converted
      .map {
        LoadedSource(
          source: SourceText(name: name, text: $0.text), format: format,
          diagnostics: $0.diagnostics)
      }
      .mapError { LoadError(file: name, message: $0.message) }
  }

  /// `load(path:name:)` without the warnings.
  public static func read(path: String, name: String? = nil) -> Result<SourceText, LoadError> {
    load(path: path, name: name).map(\.source)
  }

  /// `load(data:name:)` without the warnings.
  public static func text(from data: Data, name: String) -> Result<SourceText, LoadError> {
    load(data: data, name: name).map(\.source)
  }
}

/// Why a reader could not produce text; becomes a `LoadError` with the
/// file name added.
struct FormatError: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
