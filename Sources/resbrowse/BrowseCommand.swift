import ArgumentParser
import BrowserKit
import Foundation
import ResolutionKit
import TerminalUI

struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract:
      "Browse the corpus full-screen: tree, reader, links, backlinks (the default command).",
    discussion:
      "Press ? inside for the keys. Needs a terminal; for text output use `show` or `export`.")

  @OptionGroup var source: SourceOptions

  func run() throws {
    // Refuse before loading or drawing anything.
    do {
      try Screen.checkTerminal()
    } catch {
      FileHandle.standardError.write(
        Data(
          ("resbrowse: \(error); the browser needs an interactive terminal.\n"
            + "Use `resbrowse show ID` or `resbrowse export` for text output.\n").utf8))
      throw ExitCode(2)
    }
    let (corpus, failed) = source.loadCorpus()
    if failed && corpus.documents.isEmpty { throw ExitCode(1) }
    let screen: Screen
    do {
      screen = try Screen()
    } catch {
      FileHandle.standardError.write(Data("resbrowse: \(error)\n".utf8))
      throw ExitCode(2)
    }
    var loop = BrowserLoop(screen: screen, corpus: corpus, styles: FallbackTheme.styles)
    let status = loop.run()
    screen.end()
    if status != 0 { throw ExitCode(status) }
  }
}

/// The event loop: draw, wait for input, hand it to the state.
struct BrowserLoop {
  let screen: Screen
  var state: BrowserState
  let styles: [ThemeRole: ScreenStyle]

  init(screen: Screen, corpus: Corpus, styles: [ThemeRole: TextStyle]) {
    self.screen = screen
    let size = screen.size
    state = BrowserState(corpus: corpus, columns: size.columns, rows: size.rows)
    state.goToService = .citations
    self.styles = TerminalBridge.styles(styles)
  }

  /// Runs until quit; returns the exit status (128 + signal when killed).
  mutating func run() -> Int32 {
    // Whatever way the loop ends, the terminal is given back.
    defer { screen.end() }
    var needsDraw = true
    while true {
      if let signal = screen.pendingSignal { return 128 + signal }
      if needsDraw {
        screen.draw(TerminalBridge.frame(Renderer.render(state), styles: styles))
        needsDraw = false
      }
      guard let event = screen.nextEvent() else { continue }
      needsDraw = true
      switch event {
      case .key(let key):
        switch state.handle(key: TerminalBridge.key(key)) {
        case .none: break
        case .quit: return 0
        case .redraw: screen.invalidate()
        case .suspend:
          screen.suspend()
          let size = screen.size
          state.resize(columns: size.columns, rows: size.rows)
        case .unhandled(let action): handleExtension(action)
        }
      case .click(let x, let y): state.handle(mouse: .click(x: x, y: y))
      case .wheelUp(let x, let y): state.handle(mouse: .wheelUp(x: x, y: y))
      case .wheelDown(let x, let y): state.handle(mouse: .wheelDown(x: x, y: y))
      case .resize:
        let size = screen.size
        state.resize(columns: size.columns, rows: size.rows)
      }
    }
  }

  /// Actions other modules implement (search, citations): route them here.
  private mutating func handleExtension(_ action: Action) {
    state.statusMessage = StatusMessage("“\(action.rawValue)” is not available yet")
  }
}
