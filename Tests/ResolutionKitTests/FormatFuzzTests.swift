import Foundation
import Testing

@testable import ResolutionKit

/// Damaged inputs of every format: the readers answer (text or an error),
/// never crash. Deterministic, so a failure can be replayed.
@Suite struct FormatFuzzTests {
  /// A small xorshift generator: the same sequence on every run.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(max(bound, 1)))
    }
  }

  @Test func damagedWordFilesNeverCrash() {
    let original = [UInt8](DocxFixtureWriter.fixture())
    var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
    var loaded = 0
    let rounds = 300
    for round in 0..<rounds {
      var bytes = original
      for _ in 0..<(1 + round % 8) {
        bytes[generator.next(bytes.count)] = UInt8(generator.next(256))
      }
      if round % 5 == 0 { bytes.removeLast(generator.next(bytes.count / 2)) }
      if case .success = SourceReader.text(from: Data(bytes), name: "fuzz.docx") { loaded += 1 }
    }
    // Some damage lands where it does not matter; most must be reported.
    #expect(loaded < rounds)
  }

  /// zlib is told a whole buffer is there: the last piece of a stream
  /// must be that long, or a damaged stream reads past it.
  @Test func inflateInputIsAsLongAsZlibIsTold() {
    let compressed = Data((0..<100).map { UInt8($0) })[10..<75]
    let (first, afterFirst) = ZipReader.inflateInput(compressed, from: 10, size: 32)
    #expect(first == Data((10..<42).map { UInt8($0) }))
    #expect(afterFirst == 42)
    let (last, afterLast) = ZipReader.inflateInput(compressed, from: 42, size: 64)
    #expect(last.count == 64)
    #expect(last.prefix(33) == Data((42..<75).map { UInt8($0) }))
    #expect(last.dropFirst(33).allSatisfy { $0 == 0 })
    #expect(afterLast == 75)
  }

  /// A deflate stream cut short inside an intact directory: ZIPFoundation's
  /// own extraction waits for more input forever; the reader must stop.
  @Test func deflateStreamCutShortIsAnError() throws {
    let document = String(repeating: "<w:p><w:r><w:t>resolves</w:t></w:r></w:p>", count: 400)
    let whole = FixtureZipWriter.archive([("word/document.xml", document)])
    let zip = try ZipReader(whole)
    let entry = try #require(zip.entries["word/document.xml"])
    let header = entry.localHeaderOffset
    let nameLength = Int(whole[header + 26]) | Int(whole[header + 27]) << 8
    let extraLength = Int(whole[header + 28]) | Int(whole[header + 29]) << 8
    let start = header + 30 + nameLength + extraLength
    let cut = whole[start..<(start + entry.compressedSize / 2)]
    let damaged = FixtureZipWriter.rawArchive(
      name: "word/document.xml", method: 8, crc: entry.crc, compressed: Data(cut),
      uncompressedSize: entry.uncompressedSize)
    guard case .failure(let error) = SourceReader.text(from: damaged, name: "cut.docx") else {
      Issue.record("a cut deflate stream must not load")
      return
    }
    #expect(error.message.contains("damaged or truncated"))
  }

  @Test func randomMarkupNeverCrashes() {
    let pieces = [
      "<", ">", "/", "p", "li", "ol", "ul", "td", "tr", "table", "br", "script", "style", "head",
      "body", "&", "#", "x", "amp;", ";", "\"", "'", "=", " ", "\n", "!--", "-->", "é", "text",
      "start=", "value=", "99999999999999999999", "-5", "type=", "a", "I",
    ]
    var generator = Generator(state: 42)
    for _ in 0..<500 {
      var page = ""
      for _ in 0..<(generator.next(200)) { page += pieces[generator.next(pieces.count)] }
      _ = SourceReader.text(from: Data(page.utf8), name: "fuzz.html")
    }
  }

  @Test func randomWordXMLNeverCrashes() {
    let pieces = [
      "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "x", "<w:tab/>", "<w:br/>",
      "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>",
      "<w:numPr><w:ilvl w:val=\"-3\"/><w:numId w:val=\"1\"/></w:numPr>",
      "<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"2\"/></w:numPr>", "<w:pPr>", "</w:pPr>",
      "<w:footnoteReference w:id=\"1\"/>",
      "<w:footnoteReference w:customMarkFollows=\"1\" w:id=\"2\"/>",
      "<w:del>", "</w:del>", "<w:rPr><w:i/></w:rPr>",
    ]
    let numbering = """
      <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2147483647"/>\
      <w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%9%"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>
      </w:numbering>
      """
    var generator = Generator(state: 7)
    for _ in 0..<200 {
      var body = ""
      for _ in 0..<(generator.next(60)) { body += pieces[generator.next(pieces.count)] }
      _ = SourceReader.text(
        from: DocxFixtureWriter.docx(body: body, numbering: numbering), name: "fuzz.docx")
    }
  }
}
