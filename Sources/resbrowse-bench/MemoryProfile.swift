import BrowserKit
import CBenchSupport
import Foundation
import ResolutionKit

/// `resbrowse-bench memory FILE`: resident memory after each phase of the
/// load, to see which phase holds what (the benchmark only reports the
/// peak), and the heap in use, which says what the phase's results hold.
enum MemoryProfile {
  static func run(file: String) {
    let megabyte = 1_048_576.0
    var last = DispatchTime.now().uptimeNanoseconds
    var lastCPU = processCPUSeconds()
    func report(_ phase: String, _ bytes: Int? = nil) {
      let now = DispatchTime.now().uptimeNanoseconds
      let seconds = Double(now - last) / 1e9
      let cpu = processCPUSeconds() - lastCPU
      var line =
        phase.padding(toLength: 20, withPad: " ", startingAt: 0)
        + String(format: "%6.3f s (cpu %6.3f s)  ", seconds, cpu)
        + String(
          format: "rss %7.1f MB  peak %7.1f MB  heap %7.1f MB",
          Double(currentResidentBytes()) / megabyte, Double(peakResidentBytes()) / megabyte,
          Double(rb_heap_bytes_in_use()) / megabyte)
      if let bytes { line += String(format: "  (%.1f MB)", Double(bytes) / megabyte) }
      print(line)
      last = DispatchTime.now().uptimeNanoseconds
      lastCPU = processCPUSeconds()
    }
    report("start")
    guard case .success(let source) = SourceReader.read(path: file) else {
      fail("cannot read \(file)")
    }
    report("read + decode", source.text.utf8.count)
    // What `resbrowse` does before its first frame.
    do {
      let deferred = Corpus.buildDeferringReferences(from: [source])
      report("first frame: parse")
      let state = BrowserState(corpus: deferred, columns: 160, rows: 48)
      report("first frame: state")
      _ = Renderer.render(state)
      report("first frame: draw")
    }
    report("(released)")
    // The steps of `Corpus.build`, one at a time.
    // As `Corpus.build` does it: each document's references found in the
    // parse piece that made it.
    let parsed = DocumentParser.parse(source, findingReferences: true)
    report("parse + references")
    var documents = parsed.documents
    DocumentIdentifier.assignUniqueIDs(to: &documents)
    report("unique ids")
    let backlinks = ReferenceResolver.resolve(&documents)
    report("resolve + backlinks")
    var corpus: Corpus? = Corpus(documents: documents, files: [parsed.file])
    documents = []
    corpus!.backlinks = backlinks
    report("corpus")
    _ = corpus!.lookup
    report("lookup tables")
    _ = corpus!.documentPrefixes
    report("go-to prefixes")
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
