import BrowserKit
import Foundation
import ResolutionKit

/// A fixed walk through the browser, key by key, each followed by a full
/// redraw into the cell grid, as the terminal loop does: scrolling, moving
/// in and expanding the tree, following links and coming back, paging
/// through documents, and the go-to prompt.
enum BrowserWorkload {
  /// The state as `resbrowse` sets it up: go-to reads citations.
  static func browserState(_ corpus: Corpus) -> BrowserState {
    var state = BrowserState(corpus: corpus, columns: 160, rows: 48)
    state.goToService = .citations
    return state
  }

  static var keys: [Key] {
    var keys: [Key] = []
    keys += Array(repeating: .down, count: 30)  // tree
    keys += [.character("l"), .character("l"), .down, .down, .character("l")]  // expand
    keys += [.character("w")] + Array(repeating: .character("j"), count: 20)  // reader scroll
    keys += Array(repeating: .pageDown, count: 5) + [.character("G"), .character("g")]
    for _ in 0..<10 { keys += [.tab, .enter, .backspace] }  // follow links and come back
    keys += Array(repeating: .character("]"), count: 30)  // next documents
    keys += Array(repeating: .character("["), count: 10)
    keys += [.character(":")] + "1500".map { .character($0) } + [.enter]  // go-to
    keys += [.character("b"), .escape, .character("?"), .escape]
    keys += [.character("w")] + Array(repeating: .up, count: 30)
    return keys
  }

  /// For profiling on a busy machine: the walk `repeats` times on fresh
  /// states, each key's fastest handling and redraw (the least disturbed
  /// by other processes), slowest first.
  static func profile(corpus: Corpus, repeats: Int) -> [(
    key: String, handle: Double, render: Double
  )] {
    let keys = keys
    _ = (corpus.lookup, corpus.documentPrefixes, corpus.referenceKeys)
    var handle = Array(repeating: Double.infinity, count: keys.count)
    var render = Array(repeating: Double.infinity, count: keys.count)
    for _ in 0..<repeats {
      var state = browserState(corpus)
      for (i, key) in keys.enumerated() {
        let (_, handled) = Stopwatch.seconds { _ = state.handle(key: key) }
        let (_, rendered) = Stopwatch.seconds { Renderer.render(state) }
        handle[i] = min(handle[i], handled)
        render[i] = min(render[i], rendered)
      }
    }
    return keys.indices.map { ("\($0) \(keys[$0])", handle[$0], render[$0]) }
      .sorted { $0.handle + $0.render > $1.handle + $1.render }
  }

  /// Time of the first render, and the latency of every keypress + redraw.
  /// The tables the browser builds in the background after its first frame
  /// are built first: the walk measures keys, not waits for those builds.
  static func run(corpus: Corpus) -> (firstFrame: Double, keypresses: [Double]) {
    _ = (corpus.lookup, corpus.documentPrefixes, corpus.referenceKeys)
    var state = browserState(corpus)
    let (_, firstFrame) = Stopwatch.seconds { Renderer.render(state) }
    var latencies: [Double] = []
    for key in keys {
      let (_, time) = Stopwatch.seconds { () -> CellGrid in
        _ = state.handle(key: key)
        return Renderer.render(state)
      }
      latencies.append(time)
      if time > 0.005, ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil {
        FileHandle.standardError.write(Data("slow key \(key): \(Int(time * 1000)) ms\n".utf8))
      }
    }
    return (firstFrame, latencies)
  }
}
