import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Walks a part of a Word file with `XMLParser`, giving elements by local
/// name (`p` for `w:p`) so namespace prefixes do not matter.
class WordXMLHandler: NSObject, XMLParserDelegate {
  /// Local names of the open elements, outermost first.
  private(set) var path: [String] = []

  func start(_ name: String, attributes: [String: String]) {}
  func end(_ name: String) {}
  func characters(_ text: String) {}

  /// The element just outside the current one.
  var parent: String? { path.count >= 2 ? path[path.count - 2] : nil }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    let name = Self.localName(elementName)
    path.append(name)
    start(name, attributes: attributes)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    end(Self.localName(elementName))
    if !path.isEmpty { path.removeLast() }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    characters(string)
  }

  static func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  /// Parses `data`; on malformed XML, says where.
  func run(on data: Data, part: String) -> Result<Void, FormatError> {
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = self
    // FoundationXML on Linux can return true and still set an error.
    if parser.parse() && parser.parserError == nil { return .success(()) }
    return .failure(
      FormatError(
        "\(part) is damaged (XML error at line \(parser.lineNumber)); is the file complete?"))
  }
}

extension Dictionary where Key == String, Value == String {
  /// An attribute by local name: `w:val` as `"val"`.
  func word(_ name: String) -> String? {
    if let value = self["w:" + name] { return value }
    if let value = self[name] { return value }
    return first { WordXMLHandler.localName($0.key) == name }?.value
  }
}

/// Whether an on/off property (`<w:i/>`, `<w:i w:val="0"/>`) is on.
func wordToggle(_ attributes: [String: String]) -> Bool {
  guard let value = attributes.word("val")?.lowercased() else { return true }
  return !["0", "false", "off", "none"].contains(value)
}
