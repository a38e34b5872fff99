import Foundation
import ResolutionKit

// resbrowse-bench: generates deterministic corpora and measures resbrowse
// on them. Run it from a release build:
//
//   swift run -c release resbrowse-bench [--sizes 1000,10000,100000]
//   resbrowse-bench generate COUNT FILE     (just write a corpus)
//   resbrowse-bench measure FILE [--parse]  (one size, key=value lines; with
//                                           --parse, read and parse alone)
//   resbrowse-bench keys FILE               (the browser walk's slowest keys)
//   resbrowse-bench memory FILE             (resident memory after each load phase)
//   resbrowse-bench first-frame [FILE] [--runs N]
//                                           (resbrowse's first frame on a terminal)
//   resbrowse-bench search FILE [--rounds N] [--builds N] [--only N] [--dump]
//                                           (index build and queries only)
//   resbrowse-bench refs FILE [--rounds N]  (finding references alone, one thread)
//
// Each size is measured in a child process so that its peak memory is its own.

// As `resbrowse` does: the figures are those of the product's allocator policy.
FreedMemory.mapLargeBlocks()
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
  usage: resbrowse-bench [--sizes 1000,10000,100000]   (the table, every figure)
         resbrowse-bench generate COUNT FILE
         resbrowse-bench measure FILE [--parse]
         resbrowse-bench keys FILE
         resbrowse-bench memory FILE
         resbrowse-bench first-frame [FILE] [--runs N]
         resbrowse-bench search FILE [--rounds N] [--builds N] [--only N] [--dump]
         resbrowse-bench refs FILE [--rounds N]
  """
switch arguments.first {
case "generate":
  guard arguments.count == 3, let count = Int(arguments[1]) else {
    fail("usage: resbrowse-bench generate COUNT FILE")
  }
  var generator = CorpusGenerator(resolutionCount: count)
  try Data(generator.generate().utf8).write(to: URL(fileURLWithPath: arguments[2]))
case "measure":
  guard arguments.count == 2 || (arguments.count == 3 && arguments[2] == "--parse") else {
    fail("usage: resbrowse-bench measure FILE [--parse]")
  }
  let values =
    arguments.count == 3
    ? Measurement.runParse(file: arguments[1]) : Measurement.run(file: arguments[1])
  for (key, value) in values { print("\(key)=\(value)") }
case "keys":
  guard arguments.count == 2 else { fail("usage: resbrowse-bench keys FILE") }
  let corpus = CorpusLoader.load(paths: [arguments[1]]).corpus
  for (key, handle, render) in BrowserWorkload.profile(corpus: corpus, repeats: 5).prefix(20) {
    let name = key.padding(toLength: 28, withPad: " ", startingAt: 0)
    print(name + String(format: " handle %6.2f ms  render %5.2f ms", handle * 1000, render * 1000))
  }
case "memory":
  guard arguments.count == 2 else { fail("usage: resbrowse-bench memory FILE") }
  MemoryProfile.run(file: arguments[1])
case "first-frame":
  var rest = Array(arguments.dropFirst())
  var runs = 1
  if let flag = rest.firstIndex(of: "--runs"), flag + 1 < rest.count,
    let count = Int(rest[flag + 1])
  {
    runs = max(1, count)
    rest.removeSubrange(flag...(flag + 1))
  }
  for _ in 0..<runs {
    guard let seconds = FirstFrame.measure(arguments: rest) else {
      fail("no first frame (is resbrowse built next to resbrowse-bench?)")
    }
    print(String(format: "first frame %.3f s", seconds))
  }
case "search":
  SearchWorkload.run(arguments: Array(arguments.dropFirst()))
case "refs":
  ReferenceWorkload.run(arguments: Array(arguments.dropFirst()))
case "help", "--help", "-h":
  print(usage)
case nil, "--sizes":
  var sizes = [1_000, 10_000, 100_000]
  if arguments.first == "--sizes" {
    guard arguments.count == 2 else { fail(usage) }
    sizes = arguments[1].split(separator: ",").compactMap { Int($0) }
    guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else {
      fail("resbrowse-bench: --sizes takes counts of resolutions, as in 1000,10000")
    }
  }
  BenchmarkReport.run(sizes: sizes)
default:
  // A mistyped word must not start the five-minute run.
  fail("resbrowse-bench: unknown command \(arguments[0])\n\n" + usage)
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(2)
}
