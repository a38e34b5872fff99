import Foundation
import Testing

@testable import ResolutionKit

@Suite struct FormatHTMLTests {
  private func paragraphs(_ html: String) -> [String] {
    HTMLReader.paragraphs(ofPage: html)
  }

  @Test func fixturePageGivesTheFixtureParagraphs() throws {
    let result = SourceReader.text(from: HTMLFixtureWriter.fixture(), name: "page.html")
    let text = try result.get().text
    #expect(
      text == FormatFixtures.lines(numberSeparator: " ").map { $0 + "\n" }.joined(separator: "\n"))
  }

  @Test func entitiesNamedNumericAndWindows1252() {
    #expect(
      paragraphs(
        "<p>a&amp;b &lt;c&gt; &quot;d&quot; &#8211; &#x2019; &#146; &eacute; &bogus; &#0; &#xZZ; & x</p>"
      )
        == ["a&b <c> \"d\" – ’ ’ é &bogus; \u{FFFD} &#xZZ; & x"])
    #expect(paragraphs("<p>R&nbsp;1316&#160;text</p>") == ["R 1316 text"])
  }

  @Test func blocksLineBreaksAndWhitespace() {
    #expect(
      paragraphs("<h2>  Title\n  here </h2><p>one<br>two<br/><br>three</p>text<div>after</div>")
        == ["Title here", "one\ntwo", "three", "text", "after"])
  }

  @Test func orderedListsFollowTypeStartAndValue() {
    #expect(
      paragraphs("<ol type=a><li>first<li>second</ol><ol start=\"3\"><li>x<li value=7>y<li>z</ol>")
        == ["a. first", "b. second", "3. x", "7. y", "8. z"])
  }

  @Test func listItemsWithParagraphsKeepTheirLabels() {
    #expect(
      paragraphs(
        "<ol><li><p>first</p><p>more</p></li><li>\n<div>second</div></li></ol><ul><li></li></ul>")
        == ["1. first", "more", "2. second"])
  }

  @Test func tableRowsBecomeParagraphs() {
    #expect(
      paragraphs(
        "<table><tr><th>No.</th><th>Title</th></tr><tr><td>1</td><td><p>Finance</p><p>rules</p></td></tr></table><p>next</p>"
      )
        == ["No. | Title", "1 | Finance rules", "next"])
  }

  @Test func scriptStyleHeadAndCommentsAreNotText() {
    let page = """
      <html><head><title>t</title><meta name="x" content="<p>"></head>
      <body><!-- <p>comment</p> --><script>if (a<b) document.write("</p>")</script>
      <style>p{}</style><p>visible</p><SCRIPT>x</SCRIPT></body></html>
      """
    #expect(paragraphs(page) == ["visible"])
  }

  @Test func headWithoutBodyIsAClearError() {
    let result = SourceReader.text(
      from: Data("<html><head><title>Only a title</title></head></html>".utf8), name: "empty.html")
    guard case .failure(let error) = result else {
      Issue.record("a page without text must say so")
      return
    }
    #expect(error.message.contains("no text"))
  }

  @Test func malformedMarkupNeverFails() {
    let samples = [
      "<", "<p", "<p class=\"unterminated>text", "</", "</p", "<!--", "<!-- open", "<!doctype",
      "a < b > c", "<p><<>>", "&#", "&#x", "&", "<p>text</p></div></body></html></html>",
      "<li>orphan item", "<td>orphan cell<td>second", "</ol></ul><li>x", "<script>never closed",
      "<p =x ==y \"'>z", "<br/><br/><br/>", "<head>no end <p>body text",
    ]
    for sample in samples {
      _ = paragraphs(sample)
    }
    #expect(paragraphs("<td>orphan cell<td>second") == ["orphan cell | second"])
    #expect(paragraphs("a < b > c") == ["a < b > c"])
    #expect(paragraphs("<head>no end <p>body text") == ["body text"])
    #expect(paragraphs("<script>never closed") == [])
  }

  @Test func windows1252PageIsDecoded() throws {
    var bytes = Array("<p>Council\u{20}".utf8)
    bytes += [0x96, 0x20, 0x93, 0x71, 0x94, 0x20, 0xE9, 0x3C, 0x2F, 0x70, 0x3E]
    let text = try SourceReader.text(from: Data(bytes), name: "old.htm").get().text
    #expect(text == "Council – “q” é\n")
  }

  @Test func largeMalformedPageIsLinear() {
    let chunk = "<p class='x'>text &amp; more<br><li><td>cell</td><!-- c --> < & "
    let page = String(repeating: chunk, count: 20_000)
    let start = Date()
    let result = paragraphs(page)
    #expect(!result.isEmpty)
    #expect(Date().timeIntervalSince(start) < 20)
  }
}
