/// Character references of HTML: the named ones that turn up in ITU pages
/// and Word's HTML export, and numeric ones.
enum HTMLEntities {
  /// Decodes every reference in `text`. Unknown or malformed references stay
  /// as written.
  static func decode(_ text: Substring) -> String {
    guard text.contains("&") else { return String(text) }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "&", let (decoded, length) = reference(in: scalars, at: index) {
        result.append(contentsOf: decoded)
        index += length
      } else {
        result.append(scalar)
        index += 1
      }
    }
    return String(result)
  }

  /// The reference starting at `start` (an `&`): its characters and length.
  private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (
    String.UnicodeScalarView, Int
  )? {
    var end = start + 1
    let limit = min(scalars.count, start + 40)
    while end < limit,
      scalars[end].properties.isASCIIHexDigit || isASCIILetter(scalars[end]) || scalars[end] == "#"
    {
      end += 1
    }
    let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
    let hasSemicolon = end < scalars.count && scalars[end] == ";"
    let length = end - start + (hasSemicolon ? 1 : 0)
    if body.hasPrefix("#") {
      guard let value = numericValue(body.dropFirst()) else { return nil }
      return (String.UnicodeScalarView([scalarForCode(value)]), length)
    }
    guard let replacement = named[body] else { return nil }
    return (replacement.unicodeScalars, length)
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func numericValue(_ digits: Substring) -> UInt32? {
    var digits = digits
    var radix: UInt32 = 10
    if digits.first == "x" || digits.first == "X" {
      radix = 16
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.count <= 8 else { return digits.isEmpty ? nil : 0xFFFD }
    return UInt32(digits, radix: Int(radix))
  }

  /// What a numeric reference stands for, as browsers read it: 0x80–0x9F
  /// are Windows-1252 (Word writes `&#146;` for ’), invalid code points
  /// become U+FFFD.
  private static func scalarForCode(_ code: UInt32) -> Unicode.Scalar {
    if (0x80...0x9F).contains(code), let mapped = Windows1252.scalar(forByte: UInt8(code)) {
      return mapped
    }
    if code == 0 { return "\u{FFFD}" }
    return Unicode.Scalar(code) ?? "\u{FFFD}"
  }

  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    "AMP": "&", "LT": "<", "GT": ">", "QUOT": "\"",
    "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“",
    "rdquo": "”", "bdquo": "„", "hellip": "…", "laquo": "«", "raquo": "»", "lsaquo": "‹",
    "rsaquo": "›", "bull": "•", "middot": "·", "sect": "§", "para": "¶", "copy": "©",
    "reg": "®", "trade": "™", "deg": "°", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
    "times": "×", "divide": "÷", "plusmn": "±", "minus": "−", "frac12": "½", "frac14": "¼",
    "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³", "ordf": "ª", "ordm": "º",
    "iexcl": "¡", "iquest": "¿", "micro": "µ", "not": "¬", "dagger": "†", "Dagger": "‡",
    "permil": "‰", "prime": "′", "Prime": "″", "larr": "←", "rarr": "→", "uarr": "↑",
    "darr": "↓", "shy": "\u{AD}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}",
    "rlm": "\u{200F}", "szlig": "ß", "aelig": "æ", "AElig": "Æ", "oelig": "œ", "OElig": "Œ",
    "oslash": "ø", "Oslash": "Ø", "aring": "å", "Aring": "Å", "ccedil": "ç", "Ccedil": "Ç",
    "ntilde": "ñ", "Ntilde": "Ñ", "eth": "ð", "thorn": "þ", "yuml": "ÿ", "Yuml": "Ÿ",
    "aacute": "á", "Aacute": "Á", "agrave": "à", "Agrave": "À", "acirc": "â", "Acirc": "Â",
    "auml": "ä", "Auml": "Ä", "atilde": "ã", "Atilde": "Ã", "eacute": "é", "Eacute": "É",
    "egrave": "è", "Egrave": "È", "ecirc": "ê", "Ecirc": "Ê", "euml": "ë", "Euml": "Ë",
    "iacute": "í", "Iacute": "Í", "igrave": "ì", "Igrave": "Ì", "icirc": "î", "Icirc": "Î",
    "iuml": "ï", "Iuml": "Ï", "oacute": "ó", "Oacute": "Ó", "ograve": "ò", "Ograve": "Ò",
    "ocirc": "ô", "Ocirc": "Ô", "ouml": "ö", "Ouml": "Ö", "otilde": "õ", "Otilde": "Õ",
    "uacute": "ú", "Uacute": "Ú", "ugrave": "ù", "Ugrave": "Ù", "ucirc": "û", "Ucirc": "Û",
    "uuml": "ü", "Uuml": "Ü", "yacute": "ý", "Yacute": "Ý",
  ]
}

/// Windows-1252, which old pages and Word's HTML export are often in.
enum Windows1252 {
  private static let high: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// The character of a byte; nil for the five bytes Windows-1252 leaves
  /// undefined.
  static func scalar(forByte byte: UInt8) -> Unicode.Scalar? {
    guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
    let code = high[Int(byte - 0x80)]
    return code == 0 ? nil : Unicode.Scalar(code)
  }

  static func decode(_ bytes: some Sequence<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes { scalars.append(scalar(forByte: byte) ?? "\u{FFFD}") }
    return String(scalars)
  }
}
