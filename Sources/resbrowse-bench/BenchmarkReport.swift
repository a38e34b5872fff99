import Foundation

/// Runs every size in a child process, times `wc -l` and `grep -c` on the
/// same file for comparison, and prints one table.
enum BenchmarkReport {
  static func run(sizes: [Int]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resbrowse-bench")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    print(machineDescription())
    var rows: [(Int, [String: Double])] = []
    for size in sizes {
      let file = folder.appendingPathComponent("corpus-\(size).txt").path
      if !FileManager.default.fileExists(atPath: file) {
        var generator = CorpusGenerator(resolutionCount: size)
        let text = generator.generate()
        FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
      }
      var values = measureInChild(file: file)
      values["wc_s"] = timeCommand("/usr/bin/wc", ["-l", file])
      values["grep_s"] = timeCommand("/bin/grep", ["-c", "Council", file])
      rows.append((size, values))
      printTable(rows)
    }
  }

  private static func measureInChild(file: String) -> [String: Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["measure", file]
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

  /// Best of three runs, in seconds.
  private static func timeCommand(_ path: String, _ arguments: [String]) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      let (_, time) = Stopwatch.seconds { () -> Void in
        guard (try? process.run()) != nil else { return }
        process.waitUntilExit()
      }
      best = min(best, time)
    }
    return best
  }

  private static func printTable(_ rows: [(Int, [String: Double])]) {
    let columns: [(String, (([String: Double]) -> String))] = [
      ("MB", { f($0["bytes"].map { $0 / 1_048_576 }, 1) }),
      ("docs", { f($0["documents"], 0) }),
      ("parse MB/s", { f($0["parse_mb_s"], 0) }),
      ("load+refs s", { f($0["load_s"], 3) }),
      ("index s", { f($0["index_s"], 3) }),
      ("total load s", { f($0["load_total_s"], 3) }),
      ("total MB/s", { f($0["load_total_mb_s"], 0) }),
      ("index/text", { v in f(v["index_bytes"].flatMap { i in v["bytes"].map { i / $0 } }, 2) }),
      ("search p50 ms", { f($0["search_p50_s"].map { $0 * 1000 }, 2) }),
      ("search p99 ms", { f($0["search_p99_s"].map { $0 * 1000 }, 2) }),
      ("peak RSS MB", { f($0["peak_rss_bytes"].map { $0 / 1_048_576 }, 0) }),
      ("RSS/corpus", { v in f(v["peak_rss_bytes"].flatMap { r in v["bytes"].map { r / $0 } }, 2) }),
      ("wc -l s", { f($0["wc_s"], 3) }),
      ("grep -c s", { f($0["grep_s"], 3) }),
      ("load/grep", { v in f(v["load_total_s"].flatMap { l in v["grep_s"].map { l / $0 } }, 1) }),
    ]
    var lines: [[String]] = [["resolutions"] + columns.map(\.0)]
    for (size, values) in rows {
      lines.append(["\(size)"] + columns.map { $0.1(values) })
    }
    let widths = (0..<lines[0].count).map { column in lines.map { $0[column].count }.max() ?? 0 }
    print("")
    for (index, line) in lines.enumerated() {
      print(
        "| "
          + zip(line, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
          .joined(separator: " | ") + " |")
      if index == 0 { print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|") }
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
