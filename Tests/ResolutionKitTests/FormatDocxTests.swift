import Foundation
import Testing

@testable import ResolutionKit

@Suite struct FormatDocxTests {
  private func read(_ data: Data, name: String = "test.docx") -> String? {
    switch SourceReader.text(from: data, name: name) {
    case .success(let source): return source.text
    case .failure(let error):
      Issue.record("unexpected load error: \(error)")
      return nil
    }
  }

  @Test func fixtureKeepsAutomaticNumbersHeadingsAndFootnotes() throws {
    let text = try #require(read(DocxFixtureWriter.fixture()))
    #expect(text == FormatFixtures.text)
  }

  @Test func tabsBreaksTablesHiddenAndDeletedText() throws {
    let body = """
      <w:p><w:r><w:t>Ref.:</w:t></w:r><w:r><w:tab/><w:t>Documents C09/108</w:t></w:r></w:p>
      <w:p><w:r><w:t>first line</w:t><w:br/><w:t>second line</w:t></w:r></w:p>
      <w:p><w:r><w:t>kept</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>\
      <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>\
      <w:r><w:t xml:space="preserve"> text</w:t></w:r><w:r><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Chapter</w:t></w:r></w:p></w:tc>\
      <w:tc><w:p><w:r><w:t>Title</w:t></w:r></w:p><w:p><w:r><w:t>continued</w:t></w:r></w:p></w:tc></w:tr>\
      <w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Finance</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p><w:r><w:t>Annex</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing>\
      <wps:txbx><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></wps:txbx>\
      </w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r>\
      <w:t>boxed again</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>\
      </mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> 1</w:t></w:r></w:p>
      <w:p><w:r><w:t>   </w:t></w:r></w:p>
      <w:p><w:r><w:t>after &amp; empty</w:t></w:r></w:p>
      """
    let text = try #require(read(DocxFixtureWriter.docx(body: body)))
    #expect(
      text == """
        Ref.:\tDocuments C09/108

        first line
        second line

        kept text-x

        Chapter | Title continued

        1 | Finance

        boxed

        Annex 1

        after & empty

        """)
  }

  @Test func italicHeadingWithLineBreakStaysOneLine() throws {
    let body = """
      <w:p><w:r><w:rPr><w:i/></w:rPr><w:t>instructs the Secretary-General</w:t><w:br/>\
      <w:t>and the Directors</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t>upright</w:t><w:br/><w:t>two lines</w:t></w:r></w:p>
      """
    let text = try #require(read(DocxFixtureWriter.docx(body: body)))
    #expect(text == "instructs the Secretary-General and the Directors\n\nupright\ntwo lines\n")
  }

  @Test func numberingFormatsRestartsAndDeeperLevelReset() throws {
    let numbering = """
      <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="(%3)"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="3"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%4"/><w:isLgl/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
      </w:numbering>
      """
    func item(_ level: Int, _ text: String) -> String {
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>"
        + "<w:r><w:t>\(text)</w:t></w:r></w:p>"
    }
    let body = [
      item(0, "three"), item(1, "one"), item(1, "two"), item(2, "A"), item(3, "legal"),
      item(0, "four"), item(1, "restarted"), item(0, ""), item(0, "six"),
    ].joined()
    let text = try #require(read(DocxFixtureWriter.docx(body: body, numbering: numbering)))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "III.\tthree", "i)\tone", "ii)\ttwo", "(A) A", "3.2.1\tlegal", "IV.\tfour",
        "i)\trestarted", "VI.\tsix",
      ])
  }

  @Test func numberingWithoutNumberingPartKeepsText() throws {
    let body =
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"4\"/></w:numPr></w:pPr>"
      + "<w:r><w:t>no definitions</w:t></w:r></w:p>"
    #expect(read(DocxFixtureWriter.docx(body: body)) == "no definitions\n")
  }

  @Test func customFootnoteMarkAndMissingNote() throws {
    let body = """
      <w:p><w:r><w:t>clause</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="7"/>\
      <w:t>*</w:t></w:r><w:r><w:t xml:space="preserve"> end</w:t></w:r>\
      <w:r><w:footnoteReference w:id="99"/></w:r></w:p>
      """
    #expect(read(DocxFixtureWriter.docx(body: body)) == "clause [footnote *] end [footnote 1]\n")
  }

  @Test func truncatedZipIsAClearError() {
    let whole = DocxFixtureWriter.fixture()
    let truncated = whole.prefix(whole.count / 2)
    let result = SourceReader.text(from: truncated, name: "broken.docx")
    guard case .failure(let error) = result else {
      Issue.record("a truncated zip must not load")
      return
    }
    #expect(error.file == "broken.docx")
    #expect(error.message.contains("damaged or truncated"))
  }

  @Test func zipWithoutWordDocumentIsAClearError() {
    let zip = FixtureZipWriter.archive([("content.xml", "<office:document/>")])
    guard case .failure(let error) = SourceReader.text(from: zip, name: "x.odt") else {
      Issue.record("an OpenDocument zip must not load")
      return
    }
    #expect(error.message.contains("word/document.xml"))
  }

  @Test func malformedDocumentXMLIsAClearError() {
    let zip = FixtureZipWriter.archive([("word/document.xml", "<w:document><w:body><w:p>")])
    guard case .failure(let error) = SourceReader.text(from: zip, name: "x.docx") else {
      Issue.record("malformed XML must not load")
      return
    }
    #expect(error.message.contains("word/document.xml is damaged"))
  }

  /// Word footnotes arrive as the clause's footnotes, their marker out of
  /// the text but its place kept; an endnote likewise.
  @Test func wordFootnotesBecomeClauseFootnotes() throws {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    func paragraph(_ runs: String) -> String { "<w:p>\(runs)</w:p>" }
    func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }
    let body =
      paragraph(run("R 1400 Working group")) + paragraph(run("The Council,"))
      + paragraph("<w:r><w:rPr><w:i/></w:rPr><w:t>resolves</w:t></w:r>")
      + paragraph(
        run("1.\tto apply Resolution 1282")
          + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"2\"/></w:r>"
          + run(" (Mod. 2008) of the Council")
          + "<w:r><w:endnoteReference w:id=\"5\"/></w:r>" + run(";"))
      + paragraph(run("2.\tto report."))
    let document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"
    let footnotes =
      "<?xml version=\"1.0\"?><w:footnotes \(w)><w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
      + "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> See Document C08/112 [Rev.1].</w:t></w:r></w:p></w:footnote></w:footnotes>"
    let endnotes =
      "<?xml version=\"1.0\"?><w:endnotes \(w)><w:endnote w:id=\"5\"><w:p><w:r><w:t>Adopted by correspondence.</w:t></w:r></w:p></w:endnote></w:endnotes>"
    let data = FixtureZipWriter.archive([
      ("[Content_Types].xml", DocxFixtureWriter.contentTypesXML),
      ("word/document.xml", document), ("word/footnotes.xml", footnotes),
      ("word/endnotes.xml", endnotes),
    ])
    let text = try #require(read(data))
    let parsed = parse(text, name: "notes.docx")
    let clause = try #require(parsed.documents.first?.clause(atPath: "resolves 1"))
    #expect(clause.text == "to apply Resolution 1282 (Mod. 2008) of the Council;")
    #expect(clause.footnotes.map(\.mark) == ["1", "i"])
    #expect(
      clause.footnotes.map(\.text) == [
        "See Document C08/112 [Rev.1].", "Adopted by correspondence.",
      ])
    #expect(
      clause.footnotes.map(\.anchor) == [
        "to apply Resolution 1282".utf8.count,
        "to apply Resolution 1282 (Mod. 2008) of the Council".utf8.count,
      ])
    #expect(parsed.documents.first?.clause(atPath: "resolves 2")?.footnotes == [])
    #expect(parsed.diagnostics == [])
  }
}
