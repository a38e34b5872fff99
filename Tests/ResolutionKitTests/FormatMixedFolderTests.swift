import Foundation
import Testing

@testable import ResolutionKit

/// A folder with good and broken files of every format: each broken file
/// is one clear error, and every good one still reads.
@Suite struct FormatMixedFolderTests {
  @Test func brokenFilesFailAloneAndTheOthersLoad() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("resbrowse-formats-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let docx = DocxFixtureWriter.fixture()
    var files: [String: Data] = [
      "a-good.docx": docx,
      "b-truncated.docx": docx.prefix(docx.count / 3),
      "c-good.html": HTMLFixtureWriter.fixture(),
      "d-empty.html": Data("<html><head><title>x</title></head></html>".utf8),
      "e-good.txt": Data(FormatFixtures.text.utf8),
      "f-old.doc": Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 1]),
      "~$a-good.docx": Data([0x50, 0x4B]),
      "notes.png": Data([0x89, 0x50, 0x4E, 0x47]),
    ]
    let hasPDFTool = ExternalTool.find("pdftotext") != nil
    if hasPDFTool {
      files["g-good.pdf"] = FixturePDFWriter.pdf(
        lines: FixturePDFWriter.layout(FormatFixtures.lines()))
      files["h-garbage.pdf"] = Data("%PDF-1.7\n\u{1}\u{2} not really".utf8)
    }
    for (name, data) in files {
      try data.write(to: folder.appendingPathComponent(name))
    }

    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      .filter { SourceFormat.isSupported(fileName: $0) }
    var loaded: [String] = []
    var failed: [String] = []
    var sources: [SourceText] = []
    for name in names {
      switch SourceReader.read(path: folder.appendingPathComponent(name).path) {
      case .success(let source):
        loaded.append(name)
        sources.append(source)
      case .failure(let error):
        #expect(!error.message.isEmpty)
        failed.append(name)
      }
    }
    #expect(
      loaded == ["a-good.docx", "c-good.html", "e-good.txt"] + (hasPDFTool ? ["g-good.pdf"] : []))
    #expect(
      failed == ["b-truncated.docx", "d-empty.html", "f-old.doc"]
        + (hasPDFTool ? ["h-garbage.pdf"] : []))
    for source in sources {
      #expect(source.text.contains("Plenipotentiary Conference will adopt the Strategic Plan"))
    }
    let corpus = Corpus.build(from: sources)
    #expect(corpus.files.count == sources.count)
  }
}
