/// Parses the text of one file into documents: resolutions, decisions and
/// fragments, with sections, nested clauses, annexes and `Ref.:` sources.
/// Never fails: what cannot be placed becomes a diagnostic.
///
/// Stages: `SourceLines` (line breaks, BOM, NBSP, page noise),
/// `ParagraphSegmenter` (lines → paragraphs), `DocumentAssembler`
/// (paragraphs → documents, with `ClauseTreeBuilder` for nesting and paths).
public enum DocumentParser {
  public static func parse(_ source: SourceText) -> ParsedFile {
    let lines = SourceLines(source.text)
    let blocks = ParagraphSegmenter.segment(lines)
    var assembler = DocumentAssembler(file: source.name)
    assembler.assemble(blocks)
    return ParsedFile(
      documents: assembler.documents, diagnostics: assembler.diagnostics,
      file: SourceFile(name: source.name, lineCount: lines.lineCount, removedLines: lines.removed))
  }
}
