import Testing

@testable import BrowserKit

@Suite struct ThemeColorMappingTests {
  func number(_ color: TerminalColor, _ depth: ColorDepth) -> Int {
    ColorMapping.colorNumber(for: color, depth: depth)
  }

  func rgb(_ hex: Int) -> TerminalColor {
    .rgb(red: UInt8(hex >> 16 & 0xFF), green: UInt8(hex >> 8 & 0xFF), blue: UInt8(hex & 0xFF))
  }

  @Test func colourCountsGiveDepths() {
    #expect(ColorDepth(colorCount: -1) == .none)
    #expect(ColorDepth(colorCount: 0) == .none)
    #expect(ColorDepth(colorCount: 8) == .ansi8)
    #expect(ColorDepth(colorCount: 16) == .ansi16)
    #expect(ColorDepth(colorCount: 88) == .ansi16)
    #expect(ColorDepth(colorCount: 256) == .indexed256)
    #expect(ColorDepth(colorCount: 32767) == .indexed256)
    #expect(ColorDepth(colorCount: 16_777_216) == .direct)
  }

  @Test func paletteHasXtermValues() {
    #expect(ColorMapping.xtermPalette.count == 256)
    #expect(ColorMapping.xtermPalette[196] == .init(255, 0, 0))
    #expect(ColorMapping.xtermPalette[67] == .init(0x5f, 0x87, 0xaf))
    #expect(ColorMapping.xtermPalette[231] == .init(255, 255, 255))
    #expect(ColorMapping.xtermPalette[232] == .init(8, 8, 8))
    #expect(ColorMapping.xtermPalette[255] == .init(238, 238, 238))
  }

  @Test func rgbToTwoFiftySix() {
    #expect(number(rgb(0xff0000), .indexed256) == 196)
    #expect(number(rgb(0x5f87af), .indexed256) == 67)
    #expect(number(rgb(0x000000), .indexed256) == 16)
    #expect(number(rgb(0xffffff), .indexed256) == 231)
    #expect(number(rgb(0x808080), .indexed256) == 244)
    #expect(number(rgb(0x767676), .indexed256) == 243)
    // Near-misses land on the nearest cube or grey step.
    #expect(number(rgb(0xfe0101), .indexed256) == 196)
    #expect(number(rgb(0x101010), .indexed256) == 233)
    #expect(number(rgb(0x0000ff), .indexed256) == 21)
  }

  @Test func rgbToSixteenAndEight() {
    #expect(number(rgb(0xff0000), .ansi16) == 9)
    #expect(number(rgb(0xff0000), .ansi8) == 1)
    #expect(number(rgb(0x00ff00), .ansi16) == 10)
    #expect(number(rgb(0x00ff00), .ansi8) == 2)
    #expect(number(rgb(0x000000), .ansi8) == 0)
    #expect(number(rgb(0xffffff), .ansi16) == 15)
    #expect(number(rgb(0xffffff), .ansi8) == 7)
    #expect(number(rgb(0x808080), .ansi16) == 8)
    #expect(number(rgb(0x0000aa), .ansi8) == 4)
    #expect(number(rgb(0xcdcd00), .ansi8) == 3)
  }

  @Test func indicesComeDownToSixteenAndEight() {
    #expect(number(.indexed(196), .ansi16) == 9)
    #expect(number(.indexed(196), .ansi8) == 1)
    #expect(number(.indexed(21), .ansi8) == 4)
    #expect(number(.indexed(231), .ansi16) == 15)
    #expect(number(.indexed(244), .ansi16) == 8)
    #expect(number(.indexed(12), .ansi16) == 12)
    // Bright colours fall to their normal counterparts on 8 colours.
    for bright in 9...15 { #expect(number(.indexed(bright), .ansi8) == bright - 8) }
    #expect(number(.indexed(3), .ansi8) == 3)
    #expect(number(.indexed(200), .indexed256) == 200)
  }

  @Test func directColourPacksRGB() {
    #expect(number(rgb(0x123456), .direct) == 0x123456)
    #expect(number(.indexed(1), .direct) == 1)
    #expect(number(.indexed(196), .direct) == 0xff0000)
    #expect(number(rgb(0x000000), .direct) == 8)
  }

  @Test func defaultAndNoneGiveMinusOne() {
    for depth in ColorDepth.allCases { #expect(number(.default, depth) == -1) }
    #expect(number(rgb(0xff0000), .none) == -1)
    #expect(number(.indexed(4), .none) == -1)
  }

  @Test func noColorDropsColoursAndKeepsRolesDistinct() throws {
    let theme = try ThemeCatalog().theme("default").get().theme
    let styles = theme.styles(forColorCount: 256, noColor: true)
    #expect(styles.values.allSatisfy { $0.foreground == -1 && $0.background == -1 })
    #expect(styles == theme.styles(forColorCount: 2, noColor: false))
    // Link and body text differ only in colour in no theme once colours go.
    #expect(styles[.link]?.attributes.contains(.underline) == true)
    #expect(styles[.link] != styles[.bodyText])
    #expect(styles[.treeFocused]?.attributes.contains(.reverse) == true)
  }

  @Test func colourlessThemeKeepsItsOwnAttributesUnderNoColor() {
    let theme = Theme(
      name: "plain", source: .builtIn,
      roleStyles: [.link: TextStyle(attributes: [.italic]), .bodyText: TextStyle()])
    let styles = theme.styles(forColorCount: 256, noColor: true)
    #expect(styles[.link] == TerminalStyle(attributes: [.italic]))
  }

  @Test func noColorEnvironmentMustBeNonEmpty() {
    #expect(isNoColorRequested(environment: ["NO_COLOR": "1"]))
    #expect(!isNoColorRequested(environment: ["NO_COLOR": ""]))
    #expect(!isNoColorRequested(environment: [:]))
  }

  @Test func foregroundThatCollidesWithBackgroundIsReplaced() {
    // Both map to 4 (blue) on 8 colours although the theme told them apart.
    let theme = Theme(
      name: "t", source: .builtIn,
      roleStyles: [.link: TextStyle(foreground: rgb(0x0000cc), background: rgb(0x0000ff))])
    let style = theme.styles(for: .ansi8)[.link]
    #expect(style?.background == 4)
    #expect(style?.foreground == 7)
    let same = Theme(
      name: "t", source: .builtIn,
      roleStyles: [.link: TextStyle(foreground: .indexed(4), background: .indexed(4))])
    #expect(same.styles(for: .ansi8)[.link]?.foreground == 4)
  }

  @Test func guessFromEnvironment() {
    #expect(ColorDepth.guess(environment: ["TERM": "xterm-256color"]) == .indexed256)
    #expect(ColorDepth.guess(environment: ["TERM": "screen"]) == .ansi8)
    #expect(
      ColorDepth.guess(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]) == .direct
    )
    #expect(ColorDepth.guess(environment: ["TERM": "xterm-kitty"]) == .indexed256)
    #expect(ColorDepth.guess(environment: ["TERM": "foot"]) == .indexed256)
    #expect(ColorDepth.guess(environment: ["TERM": "dumb"]) == .none)
    #expect(ColorDepth.guess(environment: [:]) == .none)
  }
}
