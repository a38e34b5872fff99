import Foundation

@testable import ResolutionKit

/// Two resolutions (the end of one, as in the seed, then R 1316) written once
/// and rendered as text, Word, HTML and PDF, so every reader can be checked
/// against the same tree.
struct FormatFixtureParagraph {
  enum Kind: Equatable {
    case plain
    /// A section heading: italic runs in Word (or the `Call` style when
    /// `styled`), `<p><i>` or `<h3>` in HTML.
    case heading(styled: Bool)
    /// Automatically numbered in Word: list (`w:numId`), level, and the
    /// label Word shows.
    case numbered(list: Int, level: Int, label: String)
    case bullet
  }

  var kind: Kind
  var text: String
  /// A footnote on the paragraph's last word.
  var footnote: String?

  init(_ kind: Kind, _ text: String, footnote: String? = nil) {
    self.kind = kind
    self.text = text
    self.footnote = footnote
  }
}

enum FormatFixtures {
  static let paragraphs: [FormatFixtureParagraph] = [
    .init(.heading(styled: false), "resolves to instruct the Secretary-General"),
    .init(
      .bullet,
      "to take the necessary steps for ITU to continue to play a facilitating role in the coordination of international public policy issues related to child protection online, as instructed by the Tunis Commitment;",
      footnote: "Tunis Commitment, paragraph 24."),
    .init(
      .bullet,
      "to report annually to the Council on the activities undertaken on these subjects and to submit proposals as appropriate,"
    ),
    .init(
      .heading(styled: true),
      "instructs the Secretary-General and the Director of the Telecommunication Development Bureau"
    ),
    .init(
      .numbered(list: 1, level: 0, label: "1."),
      "to organize strategic dialogues providing a platform for policy-makers, regulators and industry representatives to exchange views on child online protection;"
    ),
    .init(
      .numbered(list: 1, level: 0, label: "2."),
      "to inform the World Telecommunication Development Conference on the activities undertaken and achievements on this subject,"
    ),
    .init(.plain, "Ref.: Documents C09/108 (Rev.1) and C09/120."),
    .init(
      .plain,
      "R 1316 Continuation of the work of the Council Working Group for the elaboration of the Draft Strategic Plan and the Draft Financial Plan, 2012-2015"
    ),
    .init(.plain, "The Council,"),
    .init(.heading(styled: false), "considering"),
    .init(
      .numbered(list: 2, level: 0, label: "a)"),
      "Resolution 1300 of the Council to establish a Working Group for the Elaboration of the Draft Strategic Plan and the Draft Financial Plan for 2012-2015 (CWG SP-FP);"
    ),
    .init(
      .numbered(list: 2, level: 0, label: "b)"),
      "that the Plenipotentiary Conference will adopt the Strategic Plan and the Financial Plan,"),
    .init(.heading(styled: true), "resolves"),
    .init(
      .numbered(list: 3, level: 0, label: "1."),
      "that the Working Group shall continue its work with the following terms of reference:"),
    .init(
      .numbered(list: 3, level: 1, label: "1.1"),
      "to prepare the draft Strategic Plan for 2012-2015;"),
    .init(
      .numbered(list: 3, level: 1, label: "1.2"),
      "to prepare the draft Financial Plan for 2012-2015;"),
    .init(
      .numbered(list: 3, level: 0, label: "2."),
      "that the Working Group shall report to the Council at its 2010 session,"),
    .init(.heading(styled: false), "instructs the Secretary-General"),
    .init(.bullet, "to provide the necessary support to the Working Group;"),
    .init(
      .bullet,
      "to submit the reports of the Working Group to the 2010 Plenipotentiary Conference."),
    .init(.plain, "Ref.: Document C09/118."),
  ]

  /// The inline form a footnote takes in every reader's output.
  static func inlineFootnote(_ mark: Int, _ text: String) -> String {
    " [footnote \(mark): \(text)]"
  }

  /// Each paragraph's full text as the readers should produce it, with
  /// `separator` between a number and the text.
  static func lines(numberSeparator separator: String = "\t") -> [String] {
    var footnoteCount = 0
    return paragraphs.map { paragraph in
      var text = paragraph.text
      if let footnote = paragraph.footnote {
        footnoteCount += 1
        text += inlineFootnote(footnoteCount, footnote)
      }
      switch paragraph.kind {
      case .plain, .heading: return text
      case .numbered(_, _, let label): return label + separator + text
      case .bullet: return "- " + text
      }
    }
  }

  /// The text version: one paragraph per line, blank lines between.
  static var text: String {
    lines().map { $0 + "\n" }.joined(separator: "\n")
  }
}

// MARK: - Word

enum DocxFixtureWriter {
  /// word/numbering.xml for the fixture: list 1 and 3 share the decimal
  /// definition (list 3 restarts it), list 2 is `a)`, list 9 bullets.
  static let numberingXML = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:abstractNum w:abstractNumId="10">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="20">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="30">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/><w:suff w:val="space"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="10"/>
      <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    <w:num w:numId="9"><w:abstractNumId w:val="30"/></w:num>
    </w:numbering>
    """

  static let stylesXML = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Call"><w:name w:val="Call"/><w:basedOn w:val="Normal"/>
      <w:rPr><w:i/></w:rPr></w:style>
    </w:styles>
    """

  static let contentTypesXML = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
    <Default Extension="xml" ContentType="application/xml"/>
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
    </Types>
    """

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// word/document.xml and word/footnotes.xml for the fixture paragraphs.
  static func documentAndFootnotes() -> (document: String, footnotes: String) {
    var body = ""
    var notes = ""
    var noteID = 1
    for paragraph in FormatFixtures.paragraphs {
      var properties = ""
      var runProperties = ""
      switch paragraph.kind {
      case .plain: break
      case .heading(let styled):
        if styled {
          properties = "<w:pStyle w:val=\"Call\"/>"
        } else {
          runProperties = "<w:rPr><w:i/></w:rPr>"
        }
      case .numbered(let list, let level, _):
        properties = "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(list)\"/></w:numPr>"
      case .bullet:
        properties = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"9\"/></w:numPr>"
      }
      // Split the text over two runs, as Word does after any edit.
      let words = paragraph.text.split(separator: " ", omittingEmptySubsequences: false)
      let half = words.count / 2
      let first = words[..<half].joined(separator: " ") + (half > 0 ? " " : "")
      let second = words[half...].joined(separator: " ")
      body += "<w:p><w:pPr>\(properties)<w:rPr><w:b/></w:rPr></w:pPr>"
      body += "<w:r>\(runProperties)<w:t xml:space=\"preserve\">\(escape(first))</w:t></w:r>"
      body += "<w:r>\(runProperties)<w:t>\(escape(second))</w:t></w:r>"
      if let footnote = paragraph.footnote {
        body += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
        body += "<w:footnoteReference w:id=\"\(noteID)\"/></w:r>"
        notes += "<w:footnote w:id=\"\(noteID)\"><w:p><w:r><w:footnoteRef/></w:r>"
        notes +=
          "<w:r><w:t xml:space=\"preserve\"> \(escape(footnote))</w:t></w:r></w:p></w:footnote>"
        noteID += 1
      }
      body += "</w:p>\n"
    }
    let namespaces =
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
    let document = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document \(namespaces)><w:body>
      \(body)<w:sectPr/></w:body></w:document>
      """
    let footnotes = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:footnotes \(namespaces)>
      <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
      <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>
      \(notes)</w:footnotes>
      """
    return (document, footnotes)
  }

  /// The fixture as a .docx file.
  static func fixture() -> Data {
    let (document, footnotes) = documentAndFootnotes()
    return FixtureZipWriter.archive([
      ("[Content_Types].xml", contentTypesXML),
      ("word/document.xml", document),
      ("word/styles.xml", stylesXML),
      ("word/numbering.xml", numberingXML),
      ("word/footnotes.xml", footnotes),
    ])
  }

  /// A .docx with just this body (inside `<w:body>`) and optional parts.
  static func docx(body: String, numbering: String? = nil, styles: String? = nil) -> Data {
    let document = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>\(body)</w:body></w:document>
      """
    var parts = [("[Content_Types].xml", contentTypesXML), ("word/document.xml", document)]
    if let numbering { parts.append(("word/numbering.xml", numbering)) }
    if let styles { parts.append(("word/styles.xml", styles)) }
    return FixtureZipWriter.archive(parts)
  }
}

// MARK: - HTML

enum HTMLFixtureWriter {
  /// The fixture as an ITU-style web page: headings as `<p><i>` or `<h3>`,
  /// manual numbers with `&nbsp;`, bullets as `<ul>`, the first numbered
  /// list as `<ol>`, entities for some punctuation.
  static func fixture() -> Data {
    var body = ""
    var inList: String?
    var footnoteCount = 0
    func closeList() {
      if let list = inList { body += "</\(list)>\n" }
      inList = nil
    }
    for paragraph in FormatFixtures.paragraphs {
      var text = escape(paragraph.text)
      if let footnote = paragraph.footnote {
        footnoteCount += 1
        text += escape(FormatFixtures.inlineFootnote(footnoteCount, footnote))
      }
      switch paragraph.kind {
      case .bullet:
        if inList != "ul" {
          closeList()
          body += "<ul class=\"bullets\">\n"
          inList = "ul"
        }
        body += "  <li>\(text)\n"
      case .numbered(let list, _, let label) where list == 1:
        if inList != "ol" {
          closeList()
          body += "<ol>\n"
          inList = "ol"
        }
        _ = label
        body += "  <li>\n    \(text)</li>\n"
      case .numbered(_, _, let label):
        closeList()
        body += "<p class=\"item\">\(label)&nbsp;&nbsp;&nbsp;\(text)</p>\n"
      case .heading(let styled):
        closeList()
        body += styled ? "<h3 class=\"call\">\(text)</h3>\n" : "<p><i>\(text)</i></p>\n"
      case .plain:
        closeList()
        body += "<div><p>\(text)</p></div>\n"
      }
    }
    closeList()
    let page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Resolutions &ndash; ITU</title>
      <style>p { margin: 0 } /* <p>not text</p> */</style>
      <script>var html = "<p>not text</p>"; if (a < b) {}</script></head>
      <body><!-- navigation --><nav></nav>
      \(body)<script type="text/javascript">document.write("<p>also not text</p>")</script>
      </body></html>
      """
    return Data(page.utf8)
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ",", with: "&#44;").replacingOccurrences(of: "(", with: "&#x28;")
  }
}
