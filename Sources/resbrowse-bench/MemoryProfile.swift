import Foundation
import ResolutionKit

/// `resbrowse-bench memory FILE`: resident memory after each phase of the
/// load, to see which phase holds what (the benchmark only reports the peak).
enum MemoryProfile {
  static func run(file: String) {
    let megabyte = 1_048_576.0
    var last = DispatchTime.now().uptimeNanoseconds
    var lastCPU = cpuSeconds()
    func report(_ phase: String, _ bytes: Int? = nil) {
      let now = DispatchTime.now().uptimeNanoseconds
      let seconds = Double(now - last) / 1e9
      let cpu = cpuSeconds() - lastCPU
      var line =
        phase.padding(toLength: 20, withPad: " ", startingAt: 0)
        + String(format: "%6.3f s (cpu %6.3f s)  ", seconds, cpu)
        + String(
          format: "rss %7.1f MB  peak %7.1f MB", Double(currentResidentBytes()) / megabyte,
          Double(peakResidentBytes()) / megabyte)
      if let bytes { line += String(format: "  (%.1f MB)", Double(bytes) / megabyte) }
      print(line)
      last = DispatchTime.now().uptimeNanoseconds
      lastCPU = cpuSeconds()
    }
    report("start")
    guard case .success(let source) = SourceReader.read(path: file) else {
      fail("cannot read \(file)")
    }
    report("read + decode", source.text.utf8.count)
    let parsed = DocumentParser.parse(source)
    report("parse alone")
    var documents = parsed.documents
    ReferenceExtractor.extractAll(into: &documents)
    report("extract references")
    withExtendedLifetime(documents) {}
    documents = []
    report("(released)")
    var corpus: Corpus? = Corpus.build(from: [source])
    report("parse + references")
    printCounts(corpus!)
    let index = SearchIndex(corpus: corpus!)
    report("search index", index.approximateByteCount)
    withExtendedLifetime(source) {}
    corpus = nil
    report("corpus released")
    withExtendedLifetime(index) {}
  }
}

/// What the model holds: how many nodes, and how many of their strings
/// are too long for Swift's inline small-string form (a heap block each).
private func printCounts(_ corpus: Corpus) {
  var clauses = 0
  var textBytes = 0
  var heapStrings = 0
  var references = 0
  func note(_ string: String?) {
    if let string, string.utf8.count > 15 { heapStrings += 1 }
  }
  for document in corpus.documents {
    for clause in document.allClauses {
      clauses += 1
      textBytes += clause.text.utf8.count
      note(clause.text)
      note(clause.path)
      note(clause.label)
    }
    for reference in document.references {
      references += 1
      [
        reference.text, reference.number, reference.body, reference.symbol, reference.revision,
        reference.pinpoint, reference.path, reference.target,
      ].forEach(note)
    }
  }
  print(
    "documents \(corpus.documents.count), clauses \(clauses) (text \(textBytes / 1_048_576) MB),"
      + " references \(references), strings on the heap \(heapStrings)")
}

/// User and system time of every thread so far: a measure of work that
/// other load on the machine disturbs less than wall time does.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Resident memory now, in bytes (Linux: /proc/self/statm; 0 elsewhere).
func currentResidentBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
    return 0
  }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
