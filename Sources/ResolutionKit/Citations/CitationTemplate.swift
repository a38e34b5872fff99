/// User citation templates: text with `{placeholder}`s, `{{` and `}}` for
/// literal braces. Missing values (no session, a document without path)
/// become empty text.
public enum CitationTemplate {
  /// Every placeholder a template may use, with what it stands for.
  public static let placeholders: [(name: String, meaning: String)] = [
    ("body", "issuing body: Council"),
    ("kind", "Resolution, Decision or Fragment"),
    ("number", "1316"),
    ("revision", "as printed: Rev. Dubai, 2018"),
    ("session", "C09 or 2018"),
    ("title", "the document title"),
    ("path", "the clause path: resolves 1.1 (empty for a whole document)"),
    ("text", "the clause text (the title for a whole document)"),
    ("id", "the document id: R1316"),
    ("short", "the short citation"),
    ("link", "the resbrowse:// link"),
  ]

  /// Checks a template without a document, e.g. when the config is loaded.
  public static func validate(_ template: String, name: String) -> CitationError? {
    do {
      let known = Set(placeholders.map(\.name))
      _ = try render(template, name: name) { known.contains($0) ? "" : nil }
      return nil
    } catch {
      return error
    }
  }

  /// Expands `template`, asking `value` for each placeholder name; `value`
  /// returns nil for a name it does not know.
  static func render(
    _ template: String, name: String, value: (String) -> String?
  ) throws(CitationError) -> String {
    var output = ""
    var index = template.startIndex
    while index < template.endIndex {
      let character = template[index]
      let next = template.index(after: index)
      if character == "{" {
        if next < template.endIndex, template[next] == "{" {
          output.append("{")
          index = template.index(after: next)
          continue
        }
        guard let close = template[next...].firstIndex(of: "}") else {
          throw .unterminatedPlaceholder(template: name)
        }
        let placeholder = String(template[next..<close])
        guard let replacement = value(placeholder) else {
          throw .unknownPlaceholder(template: name, placeholder: placeholder)
        }
        output += replacement
        index = template.index(after: close)
      } else if character == "}", next < template.endIndex, template[next] == "}" {
        output.append("}")
        index = template.index(after: next)
      } else {
        output.append(character)
        index = next
      }
    }
    return output
  }
}
