import Foundation

/// Runs every size in a child process, times `wc -l` and `grep -c` on the
/// same file for comparison, and prints one table.
enum BenchmarkReport {
  static func run(sizes: [Int]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resbrowse-bench")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    print(machineDescription())
    if let embedded = FirstFrame.measure(arguments: []) {
      print(
        String(format: "Embedded sample corpus: first frame %.0f ms after start", embedded * 1000))
    }
    var rows: [(Int, [String: Double])] = []
    for size in sizes {
      let file = folder.appendingPathComponent(
        "corpus-v\(CorpusGenerator.version)-\(size).txt"
      ).path
      if !FileManager.default.fileExists(atPath: file) {
        var generator = CorpusGenerator(resolutionCount: size)
        let text = generator.generate()
        try? Data(text.utf8).write(to: URL(fileURLWithPath: file))
      }
      // Each in a fresh process, so that each is a first (cold) run. The
      // machine has fast and slow spells (the same load varies by a
      // third): up to 10,000 resolutions each figure is the median of
      // three runs, and the total load's range is shown too.
      let runs = size <= 10_000 ? 3 : 1
      let loads = (0..<runs).map { _ in measureInChild(["measure", file]) }
      var values = medians(of: loads)
      values.merge(
        medians(of: (0..<runs).map { _ in measureInChild(["measure", file, "--parse"]) })
      ) {
        _, parse in parse
      }
      let totals = loads.compactMap { $0["load_total_s"] }
      values["load_total_min_s"] = totals.min()
      values["load_total_max_s"] = totals.max()
      values["runs"] = Double(runs)
      values["wc_s"] = timeCommand("/usr/bin/wc", ["-l", file])
      values["grep_s"] = timeCommand("/bin/grep", ["-c", "Council", file])
      // grep -ci for the plain words of the search workload, as a yardstick
      // for search latency (grep reads the whole file each time).
      let words = SearchWorkload.plainWords
      values["grep_ci_s"] =
        words.map { timeCommand("/bin/grep", ["-ci", $0, file]) }.reduce(0, +)
        / Double(words.count)
      values["first_frame_s"] = (0..<runs).compactMap { _ in FirstFrame.measure(arguments: [file]) }
        .percentile(50)
      rows.append((size, values))
      FileHandle.standardError.write(Data("measured \(size) resolutions\n".utf8))
    }
    printTable(rows)
  }

  /// Each figure's median over the runs (each figure on its own).
  private static func medians(of runs: [[String: Double]]) -> [String: Double] {
    var values: [String: Double] = [:]
    for key in Set(runs.flatMap(\.keys)) {
      values[key] = runs.compactMap { $0[key] }.percentile(50)
    }
    return values
  }

  private static func measureInChild(_ arguments: [String]) -> [String: Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return [:] }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var values: [String: Double] = [:]
    for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
    }
    return values
  }

  /// Best of three runs, in seconds. Output goes to a pipe we read: GNU
  /// grep stops at the first match when its output is /dev/null.
  private static func timeCommand(_ path: String, _ arguments: [String]) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = arguments
      let pipe = Pipe()
      process.standardOutput = pipe
      let (_, time) = Stopwatch.seconds { () -> Void in
        guard (try? process.run()) != nil else { return }
        _ = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
      }
      best = min(best, time)
    }
    return best
  }

  /// One row per figure, one column per size, and the target at 10,000.
  private static func printTable(_ rows: [(Int, [String: Double])]) {
    typealias Figure = (name: String, target: String, value: ([String: Double]) -> String)
    func ratio(_ a: String, _ b: String, _ scale: Double = 1) -> ([String: Double]) -> Double? {
      { v in v[a].flatMap { x in v[b].map { x / $0 * scale } } }
    }
    let figures: [Figure] = [
      ("corpus MB", "", { f($0["bytes"].map { $0 / 1_048_576 }, 1) }),
      ("documents", "", { f($0["documents"], 0) }),
      ("parse MB/s", "> 100", { f($0["parse_mb_s"], 0) }),
      ("load: read+parse+refs s", "", { f($0["load_s"], 3) }),
      ("search index build s", "< 2", { f($0["index_s"], 3) }),
      ("total load s", "< 1", { f($0["load_total_s"], 3) }),
      (
        "total load s, range", "",
        { v in
          guard let low = v["load_total_min_s"], let high = v["load_total_max_s"] else {
            return "–"
          }
          return f(low, 2) + "–" + f(high, 2)
        }
      ),
      ("total load MB/s", "> 50", { f($0["load_total_mb_s"], 0) }),
      ("peak RSS MB", "", { f($0["peak_rss_bytes"].map { $0 / 1_048_576 }, 0) }),
      ("peak RSS / corpus", "< 3", { f(ratio("peak_rss_bytes", "bytes")($0), 2) }),
      ("index / corpus", "< 1.5", { f(ratio("index_bytes", "bytes")($0), 2) }),
      ("search p50 ms", "< 1", { f($0["search_p50_s"].map { $0 * 1000 }, 2) }),
      ("search p99 ms", "< 10", { f($0["search_p99_s"].map { $0 * 1000 }, 2) }),
      ("grep -ci per word ms", "", { f($0["grep_ci_s"].map { $0 * 1000 }, 1) }),
      ("keypress+redraw p50 ms", "", { f($0["key_p50_s"].map { $0 * 1000 }, 2) }),
      ("keypress+redraw p99 ms", "< 5", { f($0["key_p99_s"].map { $0 * 1000 }, 2) }),
      ("first frame s", "< 1.5", { f($0["first_frame_s"], 3) }),
      ("refs near-miss MB/s", "", { f($0["near_miss_mb_s"], 0) }),
      ("wc -l s", "", { f($0["wc_s"], 3) }),
      ("grep -c s", "", { f($0["grep_s"], 3) }),
      ("total load / grep -c", "", { f(ratio("load_total_s", "grep_s")($0), 1) }),
    ]
    print(
      "Cold runs per size (each figure their median): "
        + rows.map { "\($0.0): \(f($0.1["runs"], 0))" }.joined(separator: ", "))
    var lines: [[String]] = [["figure"] + rows.map { "\($0.0)" } + ["target at 10,000"]]
    for figure in figures {
      lines.append([figure.name] + rows.map { figure.value($0.1) } + [figure.target])
    }
    let widths = (0..<lines[0].count).map { column in lines.map { $0[column].count }.max() ?? 0 }
    print("")
    for (index, line) in lines.enumerated() {
      print(
        "| "
          + zip(line, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
          .joined(separator: " | ") + " |")
      if index == 0 {
        print(
          "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
      }
    }
  }

  private static func f(_ value: Double?, _ digits: Int) -> String {
    guard let value, value.isFinite else { return "–" }
    return String(format: "%.\(digits)f", value)
  }

  private static func machineDescription() -> String {
    let cpu =
      (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("model name") }?
      .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    return "Machine: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
      + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
  }
}
