import Foundation

@testable import ResolutionKit

/// Writes minimal PDFs for tests: Courier 10 pt lines (WinAnsi), a 12 pt
/// leading, on landscape pages wide enough for 125 columns, with correct
/// xref offsets, so `pdftotext -layout` reads them as real documents.
enum FixturePDFWriter {
  /// `lines` are the text lines in order; "" leaves a blank line. `header`
  /// and `footer` give each page (1-based) a running head and a line at
  /// the bottom, like a page number.
  static func pdf(
    lines: [String], linesPerPage: Int = 40, header: ((Int) -> String)? = nil,
    footer: ((Int) -> String)? = nil, font: String = "Courier"
  ) -> Data {
    var pages: [[String]] = []
    var index = 0
    while index < lines.count {
      pages.append(Array(lines[index..<min(lines.count, index + linesPerPage)]))
      index += linesPerPage
    }
    if pages.isEmpty { pages = [[]] }

    var objects: [String] = []
    // 1: catalog, 2: pages, 3: font, then a page and its contents per page.
    let pageIDs = pages.indices.map { 4 + 2 * $0 }
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(
      "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>"
    )
    objects.append(
      "<< /Type /Font /Subtype /Type1 /BaseFont /\(font) /Encoding /WinAnsiEncoding >>")
    for (number, pageLines) in pages.enumerated() {
      var content = ""
      var y = 540
      for line in pageLines {
        if !line.isEmpty { content += "BT /F1 10 Tf 60 \(y) Td (\(escape(line))) Tj ET\n" }
        y -= 12
      }
      if let header {
        content += "BT /F1 10 Tf 300 570 Td (\(escape(header(number + 1)))) Tj ET\n"
      }
      if let footer {
        content += "BT /F1 10 Tf 400 30 Td (\(escape(footer(number + 1)))) Tj ET\n"
      }
      objects.append(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageIDs[number] + 1) 0 R >>"
      )
      objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
    }

    var output = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (position, object) in objects.enumerated() {
      offsets.append(output.utf8.count)
      output += "\(position + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xrefOffset = output.utf8.count
    output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      output += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
    }
    output +=
      "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
    // Bytes above 0x7F only come from octal escapes, so this is ASCII.
    return Data(output.utf8)
  }

  /// A PDF string literal body; non-ASCII as WinAnsi octal escapes.
  private static func escape(_ line: String) -> String {
    var result = ""
    for scalar in line.unicodeScalars {
      switch scalar {
      case "\\", "(", ")": result += "\\\(scalar)"
      case " "..."~": result.unicodeScalars.append(scalar)
      default:
        if let byte = winAnsiByte(scalar) {
          result += "\\" + String(byte, radix: 8)
        } else {
          result += "?"
        }
      }
    }
    return result
  }

  private static func winAnsiByte(_ scalar: Unicode.Scalar) -> UInt8? {
    for byte in UInt8(0x80)...UInt8(0xFF) where Windows1252.scalar(forByte: byte) == scalar {
      return byte
    }
    return nil
  }

  /// Wraps paragraphs at `width` columns, a blank line between them, as a
  /// PDF of the fixture would be laid out.
  /// With `hangingIndent`, a numbered or bulleted paragraph's later lines
  /// are indented under its text, as Word lays lists out.
  static func layout(_ paragraphs: [String], width: Int = 80, hangingIndent: Bool = false)
    -> [String]
  {
    var lines: [String] = []
    for paragraph in paragraphs {
      let wrapped = TextWrapper.wrap(paragraph, width: width)
      let isItem =
        paragraph.hasPrefix("- ") || paragraph.first?.isNumber == true
        || paragraph.dropFirst().hasPrefix(")")
      for (index, line) in wrapped.enumerated() {
        lines.append(hangingIndent && isItem && index > 0 ? "     " + line : line)
      }
      lines.append("")
    }
    return lines
  }
}
