extension Unicode.Scalar {
  /// Columns the scalar takes in a terminal: 0 for combining marks and
  /// zero-width characters, 2 for East Asian wide and fullwidth ones, else 1.
  public var displayWidth: Int {
    let v = value
    if v < 0x300 { return 1 }
    if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
      || v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF
    {
      return 0
    }
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}

extension Character {
  /// Columns the character takes: its first scalar decides, the rest combine.
  public var displayWidth: Int {
    unicodeScalars.first?.displayWidth ?? 0
  }
}

extension StringProtocol {
  /// Columns the text takes in a terminal.
  public var displayWidth: Int {
    var total = 0
    for character in self { total += character.displayWidth }
    return total
  }
}

/// Greedy word wrapping by display width. Words longer than the width are
/// broken; whitespace runs collapse to one space.
public enum TextWrapper {
  public static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(whereSeparator: \.isWhitespace) {
      var word = Substring(word)
      var wordWidth = word.displayWidth
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
        line += " " + word
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      while wordWidth > width {
        var piece = ""
        var pieceWidth = 0
        var index = word.startIndex
        while index < word.endIndex {
          let characterWidth = word[index].displayWidth
          if pieceWidth + characterWidth > width && pieceWidth > 0 { break }
          piece.append(word[index])
          pieceWidth += characterWidth
          index = word.index(after: index)
        }
        lines.append(piece)
        word = word[index...]
        wordWidth -= pieceWidth
      }
      line = String(word)
      lineWidth = wordWidth
    }
    if lineWidth > 0 || lines.isEmpty { lines.append(line) }
    return lines
  }
}
