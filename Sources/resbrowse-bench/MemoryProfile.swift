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

/// What the model holds: how many nodes, and an estimate of the bytes of
/// each kind of record and string (a string too long for Swift's inline
/// form is a heap block of its own: 32 bytes of header, its bytes and a
/// NUL, rounded as malloc does). Strings that share another's storage
/// (a reference's path and target, paths and headings from the parse's
/// pool) are counted once.
private func printCounts(_ corpus: Corpus) {
  var parts: [String: Int] = [:]
  var clauses = 0
  var textBytes = 0
  var heapStrings = 0
  var references = 0
  var storages = Set<UInt>()
  func heap(_ string: String?) -> Int {
    guard var string, string.utf8.count > 15 else { return 0 }
    guard storages.insert(string.withUTF8 { UInt(bitPattern: $0.baseAddress) }).inserted else {
      return 0
    }
    heapStrings += 1
    return (32 + string.utf8.count + 1 + 8 + 15) & ~15
  }
  func records<T>(_ array: [T]) -> Int {
    array.capacity == 0 ? 0 : 32 + array.capacity * MemoryLayout<T>.stride
  }
  func add(_ part: String, _ bytes: Int) { parts[part, default: 0] += bytes }
  func addClauses(_ list: [Clause]) {
    add("clause records", records(list))
    for clause in list {
      clauses += 1
      // Counted by buffer below (`storedTextByteCounts`).
      textBytes += clause.text.utf8.count
      add("footnotes", records(clause.footnotes))
      for footnote in clause.footnotes { add("footnotes", heap(footnote.text)) }
      addClauses(clause.children)
    }
  }
  let stored = corpus.storedTextByteCounts
  add("clause text (coded)", stored.texts)
  add("word codebooks", stored.codebooks)
  add("document records", records(corpus.documents))
  for document in corpus.documents {
    add("documents' strings", heap(document.id) + heap(document.title) + heap(document.revision))
    add("sections", records(document.sections) + records(document.annexes))
    for section in document.sections {
      add("sections", heap(section.heading))
      addClauses(section.clauses)
    }
    for annex in document.annexes { addClauses(annex.clauses) }
    add("reference records", records(document.references))
    references += document.references.count
  }
  // References', paths' and labels' strings are numbers into one table
  // (`InternedStrings`): its slots, strings and stored copies.
  add("string table (references, paths, labels)", Corpus.internedStringBytes)
  print(
    "documents \(corpus.documents.count), clauses \(clauses) (text \(textBytes / 1_048_576) MB),"
      + " references \(references), strings on the heap \(heapStrings)")
  print(
    "model parts: "
      + parts.sorted { $0.value > $1.value }.map {
        "\($0.key) " + String(format: "%.1f MB", Double($0.value) / 1_048_576)
      }.joined(separator: ", "))
}
