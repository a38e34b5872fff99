import Foundation

/// ITU web pages and Word's "Save as Web Page": block elements become
/// paragraphs, lists get their numbers or bullets, table rows become
/// paragraphs with cells joined by `" | "`. A tolerant single pass over the
/// markup (HTML is rarely valid XML): unclosed, stray or broken tags are
/// taken as they come, never rejected.
enum HTMLReader {
  static func text(from data: Data) -> Result<String, FormatError> {
    let paragraphs = paragraphs(ofPage: decode(data))
    guard !paragraphs.isEmpty else {
      return .failure(FormatError("the HTML page has no text outside scripts, styles and head"))
    }
    return .success(paragraphs.joined(separator: "\n\n") + "\n")
  }

  /// Paragraphs of the page in reading order, each one line (or several for
  /// `<br>` line breaks).
  static func paragraphs(ofPage page: String) -> [String] {
    var builder = HTMLTextBuilder()
    var tokenizer = HTMLTokenizer(page)
    while let token = tokenizer.next() {
      builder.take(token, tokenizer: &tokenizer)
    }
    builder.finishParagraph()
    return builder.paragraphs
  }

  /// UTF-8 when valid, UTF-16 with a BOM, else Windows-1252 (a superset of
  /// Latin-1, what older pages declare or silently use).
  static func decode(_ data: Data) -> String {
    let bytes = [UInt8](data)
    if SourceDecoder.hasUTF16ByteOrderMark(bytes),
      case .text(let text, _) = SourceDecoder.decode(bytes)
    {
      return text
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) { return text }
    return Windows1252.decode(body)
  }
}

enum HTMLToken {
  case text(Substring)
  case startTag(name: String, attributes: [String: String], selfClosing: Bool)
  case endTag(name: String)
}

/// Splits markup into text and tags; comments, doctypes and processing
/// instructions are dropped. Every step moves forward, so it runs in linear
/// time on any input.
struct HTMLTokenizer {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ page: String) {
    self.scalars = Array(page.unicodeScalars)
  }

  mutating func next() -> HTMLToken? {
    while position < scalars.count {
      if scalars[position] != "<" {
        let start = position
        while position < scalars.count && scalars[position] != "<" { position += 1 }
        return .text(text(start, position))
      }
      let next = position + 1 < scalars.count ? scalars[position + 1] : " "
      if next == "!" || next == "?" {
        skipDeclaration()
        continue
      }
      if next == "/", position + 2 < scalars.count, isLetter(scalars[position + 2]) {
        position += 2
        let name = readName()
        skip(past: ">")
        return .endTag(name: name)
      }
      if isLetter(next) {
        position += 1
        return readStartTag()
      }
      // A lone `<` is text.
      position += 1
      return .text(text(position - 1, position))
    }
    return nil
  }

  /// Skips raw text up to `</name` (for `script` and `style`, whose content
  /// is not markup) and the end tag itself.
  mutating func skipRawText(until name: String) {
    let closing = Array(("</" + name).unicodeScalars)
    while position < scalars.count {
      if scalars[position] == "<", matches(closing, at: position) {
        position += closing.count
        skip(past: ">")
        return
      }
      position += 1
    }
  }

  private func matches(_ needle: [Unicode.Scalar], at start: Int) -> Bool {
    guard start + needle.count <= scalars.count else { return false }
    for offset in needle.indices {
      let scalar = scalars[start + offset]
      if lowercased(scalar) != needle[offset] { return false }
    }
    return true
  }

  private mutating func skipDeclaration() {
    if matches(Array("<!--".unicodeScalars), at: position) {
      position += 4
      while position < scalars.count {
        if matches(Array("-->".unicodeScalars), at: position) {
          position += 3
          return
        }
        position += 1
      }
      return
    }
    skip(past: ">")
  }

  private mutating func skip(past terminator: Unicode.Scalar) {
    while position < scalars.count && scalars[position] != terminator { position += 1 }
    if position < scalars.count { position += 1 }
  }

  private mutating func readName() -> String {
    var name = String.UnicodeScalarView()
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar == ">" || scalar == "/" || scalar.properties.isWhitespace { break }
      name.append(lowercased(scalar))
      position += 1
    }
    return String(name)
  }

  private mutating func readStartTag() -> HTMLToken {
    let name = readName()
    var attributes: [String: String] = [:]
    var selfClosing = false
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar == ">" {
        position += 1
        break
      }
      if scalar == "/" {
        selfClosing = true
        position += 1
        continue
      }
      if scalar.properties.isWhitespace {
        position += 1
        continue
      }
      selfClosing = false
      let attribute = readAttributeName()
      var value = ""
      skipWhitespace()
      if position < scalars.count && scalars[position] == "=" {
        position += 1
        skipWhitespace()
        value = readAttributeValue()
      }
      if !attribute.isEmpty && attributes[attribute] == nil {
        attributes[attribute] = HTMLEntities.decode(Substring(value))
      }
    }
    return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
  }

  private mutating func readAttributeName() -> String {
    var name = String.UnicodeScalarView()
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar == ">" || scalar == "/" || scalar == "=" || scalar.properties.isWhitespace {
        break
      }
      name.append(lowercased(scalar))
      position += 1
    }
    if name.isEmpty { position += 1 }  // a stray character: step over it
    return String(name)
  }

  private mutating func readAttributeValue() -> String {
    guard position < scalars.count else { return "" }
    let quote = scalars[position]
    let start: Int
    if quote == "\"" || quote == "'" {
      position += 1
      start = position
      while position < scalars.count && scalars[position] != quote { position += 1 }
      let value = String(text(start, position))
      if position < scalars.count { position += 1 }
      return value
    }
    start = position
    while position < scalars.count && scalars[position] != ">"
      && !scalars[position].properties.isWhitespace
    {
      position += 1
    }
    return String(text(start, position))
  }

  private mutating func skipWhitespace() {
    while position < scalars.count && scalars[position].properties.isWhitespace { position += 1 }
  }

  private func text(_ start: Int, _ end: Int) -> Substring {
    return Substring(String(String.UnicodeScalarView(scalars[start..<end])))
  }

  private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
  }
}
