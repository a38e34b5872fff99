/// Cuts a short excerpt around the densest group of matches.
enum SnippetMaker {
  /// Excerpt length, in UTF-8 bytes (about as many characters for Latin text).
  static let length = 120
  /// Text kept before the first match of the window.
  static let leadingContext = 30

  /// An excerpt of `text` with `matches` (sorted UTF-8 byte ranges of
  /// `text`) marked as Character offsets into the excerpt.
  static func snippet(of text: String, matches: [Range<Int>]) -> Snippet {
    // The text's own bytes, not a copy of them.
    var text = text
    return text.withUTF8 { snippet(ofBytes: $0, matches: matches) }
  }

  private static func snippet(ofBytes bytes: UnsafeBufferPointer<UInt8>, matches: [Range<Int>])
    -> Snippet
  {
    let count = bytes.count
    var start = 0
    var end = count
    if count > length {
      var anchor = 0..<0
      if !matches.isEmpty {
        // The match starting the window that holds the most matches.
        let span = length - leadingContext
        var best = 0
        var bestCount = 0
        var last = 0
        for first in matches.indices {
          last = max(last, first)
          while last + 1 < matches.count,
            matches[last + 1].upperBound <= matches[first].lowerBound + span
          {
            last += 1
          }
          if last - first + 1 > bestCount {
            bestCount = last - first + 1
            best = first
          }
        }
        anchor = matches[best]
      }
      start = max(0, anchor.lowerBound - leadingContext)
      if start > 0 {
        // Begin after a space, without passing the match.
        if let space = (start..<anchor.lowerBound).first(where: { bytes[$0] == 0x20 }) {
          start = space + 1
        } else {
          while start < count, bytes[start] & 0xC0 == 0x80 { start += 1 }
        }
      }
      end = min(count, max(start + length, anchor.upperBound))
      if end < count {
        // End before a space, keeping the anchoring match whole.
        if let space = (max(anchor.upperBound, start)..<end).last(where: { bytes[$0] == 0x20 }) {
          end = space
        } else {
          while end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
      }
    }
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }

    let prefix = start > 0 ? "…" : ""
    let suffix = end < count ? "…" : ""
    let excerpt =
      prefix + String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      + suffix
    // ASCII excerpt (bar the `…`, one character): bytes are characters.
    if bytes[start..<end].allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      let characterShift = (prefix.isEmpty ? 0 : 1) - start
      let highlights = matches.compactMap { match -> Range<Int>? in
        let lower = max(match.lowerBound, start)
        let upper = min(match.upperBound, end)
        return lower < upper ? (lower + characterShift)..<(upper + characterShift) : nil
      }
      return Snippet(text: excerpt, highlights: highlights)
    }
    let shift = prefix.utf8.count - start
    let byteHighlights = matches.compactMap { match -> Range<Int>? in
      let lower = max(match.lowerBound, start)
      let upper = min(match.upperBound, end)
      return lower < upper ? (lower + shift)..<(upper + shift) : nil
    }
    return Snippet(text: excerpt, highlights: characterRanges(byteHighlights, in: excerpt))
  }

  /// Converts UTF-8 byte ranges of `text` to Character offset ranges
  /// (widened to whole characters).
  static func characterRanges(_ ranges: [Range<Int>], in text: String) -> [Range<Int>] {
    guard !ranges.isEmpty else { return [] }
    var starts: [Int] = []
    var offset = 0
    for character in text {
      starts.append(offset)
      offset += character.utf8.count
    }
    func characterContaining(_ byte: Int) -> Int {
      var low = 0
      var high = starts.count
      while low < high {
        let middle = (low + high) / 2
        if starts[middle] <= byte { low = middle + 1 } else { high = middle }
      }
      return max(0, low - 1)
    }
    var result: [Range<Int>] = []
    for range in ranges {
      let lower = characterContaining(range.lowerBound)
      let upper = characterContaining(range.upperBound - 1) + 1
      if let last = result.last, lower < last.upperBound {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, upper)
      } else {
        result.append(lower..<upper)
      }
    }
    return result
  }
}
