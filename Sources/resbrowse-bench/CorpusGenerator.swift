import Foundation

/// Writes deterministic corpora in the real compilation format: chapters,
/// `R n` headers with wrapped titles, enacting lines, preambular and
/// operative sections, nested clauses, cross-references (some dangling),
/// `Ref.:` lines, and words drawn from a long-tailed (Zipf) vocabulary.
/// About 5 KB per resolution. Same seed and count, same bytes.
struct CorpusGenerator {
  /// Changes whenever the output does, so corpora kept from an earlier run
  /// are written again.
  static let version = 2
  private var random: SplitMix64
  private let vocabulary: [String]
  private let cumulativeWeights: [Double]
  private let count: Int
  private let firstNumber = 1000

  init(resolutionCount: Int, seed: UInt64 = 2026) {
    count = resolutionCount
    random = SplitMix64(seed: seed)
    var words = Self.domainWords
    // A long tail of rarer synthetic words, as real corpora have.
    var syllables = SplitMix64(seed: seed ^ 0x5EED)
    let parts = [
      "ra", "te", "lo", "mi", "con", "ver", "tion", "al", "sta", "ble", "pro", "cu", "ni", "der",
    ]
    while words.count < 20_000 {
      let length = 2 + Int(syllables.next() % 3)
      words.append(
        (0..<length).map { _ in parts[Int(syllables.next() % UInt64(parts.count))] }.joined())
    }
    vocabulary = words
    // Zipf weights 1/rank^1.07.
    var total = 0.0
    var cumulative: [Double] = []
    cumulative.reserveCapacity(words.count)
    for rank in 1...words.count {
      total += 1.0 / pow(Double(rank), 1.07)
      cumulative.append(total)
    }
    cumulativeWeights = cumulative.map { $0 / total }
  }

  /// The whole corpus as one text, resolution after resolution.
  mutating func generate() -> String {
    var out = ""
    out.reserveCapacity(count * 5_200)
    for index in 0..<count {
      if index % 250 == 0 {
        out += "\(index / 250 % 7 + 1) \(chapterNames[index / 250 % chapterNames.count])\n\n"
      }
      appendResolution(number: firstNumber + index, to: &out)
    }
    return out
  }

  private let chapterNames = [
    "Finance", "Staff matters", "Conferences and meetings", "General Secretariat", "Sectors",
    "External relations", "Miscellaneous",
  ]

  private mutating func appendResolution(number: Int, to out: inout String) {
    out += "R \(number) \(sentence(words: 8 + pick(10)).capitalizedFirst)\n\n"
    out += "The Council,\n\n"
    let preambular = ["considering", "noting", "recalling", "recognizing", "bearing in mind"]
    for heading in choose(2 + pick(2), from: preambular) {
      out += heading + "\n\n"
      for (offset, letter) in "abcd".prefix(2 + pick(3)).enumerated() {
        out += "\(letter))\t\(clauseText(number: number, salt: offset));\n\n"
      }
    }
    let operative = [
      "resolves", "instructs the Secretary-General", "invites Member States",
      "requests the Director of the Telecommunication Development Bureau", "decides",
    ]
    for heading in choose(2 + pick(2), from: operative) {
      out += heading + "\n\n"
      for item in 1...(2 + pick(3)) {
        out += "\(item)\t\(clauseText(number: number, salt: item));\n\n"
        if pick(3) == 0 {
          for sub in 1...(1 + pick(3)) {
            out += "\(item).\(sub)\t\(clauseText(number: number, salt: sub));\n\n"
          }
        }
        if pick(5) == 0 {
          for letter in "abc".prefix(1 + pick(3)) {
            out += "\(letter))\t\(sentence(words: 12 + pick(20)));\n\n"
          }
        }
      }
      if pick(4) == 0 { out += "- \(sentence(words: 15 + pick(15))),\n\n" }
    }
    // One resolution in ten shares a basis document with the one before.
    let index = number - firstNumber
    let first = index > 0 && pick(10) == 0 ? documentSymbol(index - 1, 0) : documentSymbol(index, 0)
    out += "Ref.:\tDocuments \(first) and \(documentSymbol(index, 1)).\n\n"
  }

  /// A clause of 20–70 words, now and then citing another resolution or a
  /// document; one citation in twenty points outside the corpus.
  private mutating func clauseText(number: Int, salt: Int) -> String {
    var text = sentence(words: 12 + pick(30))
    switch pick(6) {
    case 0:
      let cited = pick(20) == 0 ? firstNumber + count + pick(500) : firstNumber + pick(count)
      text += " in accordance with Resolution \(cited) of the Council"
    case 1:
      // Another resolution's basis document; one in ten not in the corpus.
      let cited = pick(count)
      text +=
        " as set out in Document "
        + (pick(10) == 0 ? documentSymbol(cited, 30) : documentSymbol(cited, pick(2)))
    case 2:
      text +=
        ", taking into account resolves \(1 + pick(3)) of Resolution \(firstNumber + pick(count))"
    default:
      break
    }
    return text
  }

  private mutating func sentence(words: Int) -> String {
    var text = ""
    for index in 0..<words {
      if index > 0 { text += " " }
      text += word()
    }
    return text
  }

  private mutating func word() -> String {
    let target = Double(random.next() >> 11) / Double(1 << 53)
    var low = 0
    var high = cumulativeWeights.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulativeWeights[middle] < target { low = middle + 1 } else { high = middle }
    }
    return vocabulary[low]
  }

  private mutating func pick(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

  private mutating func choose(_ count: Int, from items: [String]) -> [String] {
    var pool = items
    var chosen: [String] = []
    while chosen.count < count && !pool.isEmpty { chosen.append(pool.remove(at: pick(pool.count))) }
    return chosen
  }

  private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// Resolutions adopted per Council session.
  private let resolutionsPerSession = 15

  /// Document `offset` of the resolution at `index` in its session:
  /// `C09/24`, or `C1123/24` past 99 sessions. Each resolution has its own
  /// documents, so a symbol names one or two resolutions whatever the
  /// corpus size (a fixed pool of 2,400 symbols, as before, made every
  /// document reference more ambiguous as the corpus grew: 80 candidates
  /// each at 100,000). Offsets from 30 up are not any resolution's.
  private func documentSymbol(_ index: Int, _ offset: Int) -> String {
    let session = index / resolutionsPerSession
    let code = session < 100 ? twoDigits(session) : String(1000 + session % 9000)
    return "C\(code)/\(10 + 2 * (index % resolutionsPerSession) + offset)"
  }

  /// Frequent words of ITU resolutions, most frequent first.
  static let domainWords: [String] = """
    the of and to in for on with by as ITU Council Member States Secretary-General \
    telecommunication development Union resolution Sector activities information \
    international work report regional countries Bureau Director conference plan \
    strategic financial policy issues child online protection cooperation programme \
    developing support relevant implementation including Plenipotentiary Conference \
    Radiocommunication Standardization Development global digital security network \
    networks broadband access services technologies ICT ICTs study groups meeting \
    session budget resources contributions operational documents working group \
    experts stakeholders industry academia regulators Sector Members Associates \
    emergency spectrum satellite orbit frequency coordination assistance training \
    capacity building gender equality persons disabilities accessibility languages \
    interpretation translation publications headquarters premises staff personnel \
    audit oversight transparency accountability results-based management framework \
    review evaluation progress measures appropriate necessary further consideration \
    proposals recommendations objectives priorities targets outcomes indicators
    """.split(separator: " ").map(String.init)
}

extension String {
  fileprivate var capitalizedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}

/// A small, fast, deterministic generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
