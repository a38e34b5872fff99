/// A colour as the terminal layer takes it.
public enum TerminalColorValue: Hashable, Sendable {
  case `default`
  /// 0–15 ANSI, 16–255 the xterm palette.
  case indexed(Int)
  case rgb(UInt8, UInt8, UInt8)
}

/// How a cell looks: colours and attributes.
public struct ScreenStyle: Hashable, Sendable {
  public var foreground: TerminalColorValue
  public var background: TerminalColorValue
  public var bold = false
  public var dim = false
  public var italic = false
  public var underline = false
  public var reverse = false

  public init(
    foreground: TerminalColorValue = .default, background: TerminalColorValue = .default,
    bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false,
    reverse: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.italic = italic
    self.underline = underline
    self.reverse = reverse
  }

  public static let plain = ScreenStyle()
}

/// One cell to draw: a grapheme (already safe), its width (0 for the
/// second half of a wide grapheme, which is skipped) and its style.
public struct ScreenCell: Hashable, Sendable {
  public var text: String
  public var width: Int
  public var style: ScreenStyle

  public init(text: String, width: Int, style: ScreenStyle) {
    self.text = text
    self.width = width
    self.style = style
  }
}

/// A whole screen of cells, row-major.
public struct ScreenFrame: Hashable, Sendable {
  public var width: Int
  public var height: Int
  public var cells: [ScreenCell]

  public init(width: Int, height: Int, cells: [ScreenCell]) {
    self.width = width
    self.height = height
    self.cells = cells
  }

  func row(_ y: Int) -> ArraySlice<ScreenCell> {
    let start = y * width
    guard y >= 0, y < height, start + width <= cells.count else { return [] }
    return cells[start..<(start + width)]
  }
}

/// Colour arithmetic for terminals with fewer colours than a theme asks for.
enum ColorReduction {
  /// The xterm 256-colour index nearest to an RGB colour.
  static func index256(red: UInt8, green: UInt8, blue: UInt8) -> Int {
    func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
    let (r, g, b) = (level(red), level(green), level(blue))
    let cube = 16 + 36 * r + 6 * g + b
    let steps = [0, 95, 135, 175, 215, 255]
    let cubeRGB = (steps[r], steps[g], steps[b])
    let average = (Int(red) + Int(green) + Int(blue)) / 3
    let grayIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
    let gray = 8 + 10 * grayIndex
    func distance(_ c: (Int, Int, Int)) -> Int {
      let dr = c.0 - Int(red)
      let dg = c.1 - Int(green)
      let db = c.2 - Int(blue)
      return dr * dr + dg * dg + db * db
    }
    return distance((gray, gray, gray)) < distance(cubeRGB) ? 232 + grayIndex : cube
  }

  /// RGB of a palette index; ANSI colours approximated.
  static func rgb(of index: Int) -> (Int, Int, Int) {
    let ansi: [(Int, Int, Int)] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
      (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
      (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    let index = max(0, min(255, index))
    if index < 16 { return ansi[index] }
    if index >= 232 {
      let v = 8 + 10 * (index - 232)
      return (v, v, v)
    }
    let steps = [0, 95, 135, 175, 215, 255]
    let i = index - 16
    return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
  }

  /// The nearest of the first `count` ANSI colours (8 or 16).
  static func ansi(_ index: Int, count: Int) -> Int {
    if index < count { return index }
    if index < 16 { return index - 8 }
    let (r, g, b) = rgb(of: index)
    var best = 0
    var bestDistance = Int.max
    for candidate in 0..<min(count, 16) {
      let (cr, cg, cb) = rgb(of: candidate)
      let d = (cr - r) * (cr - r) + (cg - g) * (cg - g) + (cb - b) * (cb - b)
      if d < bestDistance {
        best = candidate
        bestDistance = d
      }
    }
    return best
  }

  /// A colour number for a terminal with `colors` colours; -1 is the default.
  static func number(_ color: TerminalColorValue, colors: Int) -> Int {
    switch color {
    case .default: return -1
    case .indexed(let n):
      let n = max(0, min(255, n))
      return colors >= 256 ? n : ansi(n, count: colors >= 16 ? 16 : 8)
    case .rgb(let r, let g, let b):
      let n = index256(red: r, green: g, blue: b)
      return colors >= 256 ? n : ansi(n, count: colors >= 16 ? 16 : 8)
    }
  }
}
