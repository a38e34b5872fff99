/// Maps a theme's colours to the colour numbers a terminal can show.
///
/// `#rrggbb` goes to the nearest xterm-256 colour (the 6×6×6 cube or the grey
/// ramp, never 0–15, whose look varies by terminal), or the nearest of the 16
/// or 8 ANSI colours (by xterm's default RGB values) on smaller terminals.
/// 256-colour indices come down the same way. "Nearest" uses the
/// red-mean weighted distance, a cheap approximation of perceived difference.
public enum ColorMapping {
  public struct RGB: Hashable, Sendable {
    public var red: Int
    public var green: Int
    public var blue: Int
    public init(_ red: Int, _ green: Int, _ blue: Int) {
      self.red = red
      self.green = green
      self.blue = blue
    }
  }

  /// xterm's colours: the 16 ANSI defaults, the 6×6×6 cube, the grey ramp.
  public static let xtermPalette: [RGB] = {
    var palette: [RGB] = [
      RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
      RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
      RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
      RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
    let levels = [0, 95, 135, 175, 215, 255]
    for red in levels {
      for green in levels {
        for blue in levels { palette.append(RGB(red, green, blue)) }
      }
    }
    for step in 0..<24 {
      let grey = 8 + 10 * step
      palette.append(RGB(grey, grey, grey))
    }
    return palette
  }()

  /// The terminal colour number for `color` at `depth`: -1 for the
  /// terminal's default (and for every colour at depth `.none`).
  public static func colorNumber(for color: TerminalColor, depth: ColorDepth) -> Int {
    switch color {
    case .default:
      return -1
    case .indexed(let index):
      guard (0...255).contains(index) else { return -1 }
      switch depth {
      case .none: return -1
      case .ansi8: return index < 8 ? index : nearest(to: xtermPalette[index], in: 0..<8)
      case .ansi16: return index < 16 ? index : nearest(to: xtermPalette[index], in: 0..<16)
      case .indexed256: return index
      case .direct: return index < 8 ? index : packed(xtermPalette[index])
      }
    case .rgb(let red, let green, let blue):
      let rgb = RGB(Int(red), Int(green), Int(blue))
      switch depth {
      case .none: return -1
      case .ansi8: return nearest(to: rgb, in: 0..<8)
      case .ansi16: return nearest(to: rgb, in: 0..<16)
      case .indexed256: return nearest(to: rgb, in: 16..<256)
      case .direct: return packed(rgb)
      }
    }
  }

  /// The RGB value a colour number stands for at `depth` (xterm's defaults
  /// for palette colours); `nil` for the terminal's default.
  public static func rgb(ofColorNumber number: Int, depth: ColorDepth) -> RGB? {
    guard number >= 0 else { return nil }
    if depth == .direct && number >= 8 {
      return RGB((number >> 16) & 0xFF, (number >> 8) & 0xFF, number & 0xFF)
    }
    return number < xtermPalette.count ? xtermPalette[number] : nil
  }

  /// The palette index in `range` nearest to `rgb`; the lowest on ties.
  public static func nearest(to rgb: RGB, in range: Range<Int>) -> Int {
    var best = range.lowerBound
    var bestDistance = Int.max
    for index in range {
      let distance = distance(rgb, xtermPalette[index])
      if distance < bestDistance {
        best = index
        bestDistance = distance
      }
    }
    return best
  }

  /// Red-mean weighted squared distance (scaled by 256 to stay integral).
  public static func distance(_ a: RGB, _ b: RGB) -> Int {
    let redMean = (a.red + b.red) / 2
    let red = a.red - b.red
    let green = a.green - b.green
    let blue = a.blue - b.blue
    return (512 + redMean) * red * red + 1024 * green * green + (767 - redMean) * blue * blue
  }

  /// `0xRRGGBB`, kept at 8 or above: direct-colour terminfo reads 0–7 as
  /// the ANSI colours, and 0x000008 is indistinguishable from black anyway.
  static func packed(_ rgb: RGB) -> Int {
    max(8, rgb.red << 16 | rgb.green << 8 | rgb.blue)
  }
}
