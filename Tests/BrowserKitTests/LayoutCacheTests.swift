import ResolutionKit
import Testing

@testable import BrowserKit

/// Layouts are kept per document and width, and dropped oldest first when
/// the cache holds too many or too many lines.
@Suite struct LayoutCacheTests {
  let corpus = TestCorpus.make()

  func layout(_ document: Int, width: Int) -> ReaderLayout {
    ReaderLayout(document: corpus.documents[document], index: document, width: width)
  }

  @Test func theOldestGoesWhenFull() {
    var cache = LayoutCache(capacity: 2)
    cache.store(layout(0, width: 40))
    cache.store(layout(1, width: 40))
    cache.store(layout(0, width: 60))
    #expect(cache.count == 2)
    #expect(cache.cached(0, 40) == nil)
    #expect(cache.cached(1, 40) != nil)
    #expect(cache.cached(0, 60) != nil)
  }

  @Test func linesOverTheBudgetDropTheOldestButNeverTheNewest() {
    let narrow = layout(1, width: 20)
    let wide = layout(1, width: 80)
    #expect(narrow.lines.count > wide.lines.count)
    var cache = LayoutCache(lineBudget: narrow.lines.count + wide.lines.count - 1)
    cache.store(wide)
    cache.store(layout(1, width: 60))
    #expect(cache.count == 2)
    cache.store(narrow)
    // Both older ones had to go to make room for the narrow one.
    #expect(cache.cached(1, 80) == nil)
    #expect(cache.cached(1, 60) == nil)
    #expect(cache.cached(1, 20) != nil)
    #expect(cache.lineCount == narrow.lines.count)
    // A layout larger than the whole budget is still kept, alone.
    var small = LayoutCache(lineBudget: 1)
    small.store(wide)
    small.store(narrow)
    #expect(small.count == 1)
    #expect(small.cached(1, 20) != nil)
  }
}
