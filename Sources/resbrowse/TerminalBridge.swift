import BrowserKit
import TerminalUI

/// Translates between the browser (no terminal code) and the terminal layer.
enum TerminalBridge {
  static func key(_ key: TerminalKey) -> Key {
    switch key {
    case .character(let c): return .character(c)
    case .control(let c): return .control(c)
    case .up: return .up
    case .down: return .down
    case .left: return .left
    case .right: return .right
    case .pageUp: return .pageUp
    case .pageDown: return .pageDown
    case .home: return .home
    case .end: return .end
    case .backspace: return .backspace
    case .delete: return .delete
    case .tab: return .tab
    case .backTab: return .backTab
    case .enter: return .enter
    case .escape: return .escape
    case .function(let n): return .function(n)
    }
  }

  static func style(_ style: TextStyle) -> ScreenStyle {
    ScreenStyle(
      foreground: color(style.foreground), background: color(style.background),
      bold: style.attributes.contains(.bold), dim: style.attributes.contains(.dim),
      italic: style.attributes.contains(.italic), underline: style.attributes.contains(.underline),
      reverse: style.attributes.contains(.reverse))
  }

  static func color(_ color: TerminalColor) -> TerminalColorValue {
    switch color {
    case .default: return .default
    case .indexed(let n): return .indexed(n)
    case .rgb(let r, let g, let b): return .rgb(r, g, b)
    }
  }

  /// The terminal styles of every role, from a role → style table.
  static func styles(_ table: [ThemeRole: TextStyle]) -> [ThemeRole: ScreenStyle] {
    var result: [ThemeRole: ScreenStyle] = [:]
    for role in ThemeRole.allCases { result[role] = style(table[role] ?? TextStyle()) }
    return result
  }

  static func frame(_ grid: CellGrid, styles: [ThemeRole: ScreenStyle]) -> ScreenFrame {
    ScreenFrame(
      width: grid.width, height: grid.height,
      cells: grid.cells.map { cell in
        ScreenCell(text: cell.text, width: cell.width, style: styles[cell.role] ?? .plain)
      })
  }
}
