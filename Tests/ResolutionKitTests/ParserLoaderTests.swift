import Foundation
import Testing

@testable import ResolutionKit

@Suite struct ParserLoaderTests {
  /// A fresh folder for one test, removed afterwards by the caller.
  func makeFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(
      path: "resbrowse-loader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func folderLoadsTextFilesSortedAndReportsBinaryOnes() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("R 2 Second\n".utf8).write(to: folder.appending(path: "b.txt"))
    try Data("R 1 First\n".utf8).write(to: folder.appending(path: "a.md"))
    try Data([0x52, 0x20, 0x33, 0x00, 0x01, 0x02]).write(to: folder.appending(path: "c.txt"))
    try Data("ignored".utf8).write(to: folder.appending(path: "d.jpg"))
    try FileManager.default.createDirectory(
      at: folder.appending(path: "sub"), withIntermediateDirectories: true)
    try Data("R 4 Fourth\n".utf8).write(to: folder.appending(path: "sub/e.txt"))

    let (corpus, errors) = CorpusLoader.load(paths: [folder.path])
    #expect(corpus.documents.map(\.id) == ["R1", "R2", "R4"])
    #expect(
      corpus.documents.map(\.location.file) == [
        folder.path + "/a.md", folder.path + "/b.txt", folder.path + "/sub/e.txt",
      ])
    #expect(
      errors == [LoadError(file: folder.path + "/c.txt", message: "not a text file (binary data)")])
  }

  /// Line records keep 32-bit offsets: a file of 4 GB is refused with a
  /// message, before anything is read (the file is sparse: no disk used).
  @Test func aFileOfFourGigabytesIsRefused() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appending(path: "huge.txt").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data("R 1 Title\n".utf8)))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(UInt32.max))
    try handle.close()
    let (corpus, errors) = CorpusLoader.load(paths: [path])
    #expect(corpus.documents.isEmpty)
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("4 GB") == true)
  }

  /// The parser itself refuses a text at its limit (given small here).
  @Test func aTextAtTheParsersLimitIsNotParsedButSaysWhy() {
    let text = "R 1316 Title\n\nThe Council,\n\nresolves\n\n1 to act;\n"
    let refused = DocumentParser.parse(
      SourceText(name: "limit.txt", text: text), pieces: 1, maximumBytes: text.utf8.count)
    #expect(refused.documents.isEmpty)
    #expect(refused.diagnostics.map(\.message).first?.contains("too large") == true)
    let parsed = DocumentParser.parse(
      SourceText(name: "limit.txt", text: text), pieces: 1, maximumBytes: text.utf8.count + 1)
    #expect(parsed.documents.map(\.id) == ["R1316"])
  }

  @Test func missingPathAndEmptyFolderAreErrors() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appending(path: "missing.txt").path
    let (corpus, errors) = CorpusLoader.load(paths: [missing, folder.path])
    #expect(corpus.documents.isEmpty)
    #expect(errors.map(\.file) == [missing, folder.path])
    #expect(errors[1].message.contains("no supported files"))
  }

  @Test func emptyFileGivesNoDocuments() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "empty.txt")
    try Data().write(to: file)
    let (corpus, errors) = CorpusLoader.load(paths: [file.path])
    #expect(errors.isEmpty)
    #expect(corpus.documents.isEmpty)
    #expect(corpus.files.map(\.name) == [file.path])
  }

  @Test func invalidUTF8IsReplacedWithADiagnostic() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "bad.txt")
    try Data("R 1 Title\nThe Council,\nnoting\nthe caf".utf8 + [0xE9] + Data(" menu,\n".utf8))
      .write(to: file)
    let (corpus, errors) = CorpusLoader.load(paths: [file.path])
    #expect(errors.isEmpty)
    #expect(corpus.documents.first?.sections.first?.clauses.first?.text == "the caf\u{FFFD} menu,")
    #expect(
      corpus.diagnostics.contains {
        $0.file == file.path && $0.line == 4 && $0.message.contains("invalid UTF-8")
      })
  }

  @Test func utf16WithBOMIsDecoded() throws {
    let text = "R 1 Tïtle\r\nThe Council,\r\n"
    var littleEndian: [UInt8] = [0xFF, 0xFE]
    var bigEndian: [UInt8] = [0xFE, 0xFF]
    for unit in text.utf16 {
      littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    #expect(SourceDecoder.decode(littleEndian) == .text(text, invalidLine: nil))
    #expect(SourceDecoder.decode(bigEndian) == .text(text, invalidLine: nil))
    #expect(
      SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("R 1".utf8)) == .text("R 1", invalidLine: nil)
    )
    #expect(SourceDecoder.decode([0x41, 0x00]) == .binary)
  }
}
