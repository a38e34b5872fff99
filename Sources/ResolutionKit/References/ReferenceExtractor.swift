// PLACEHOLDER until the references work lands (issue 3): finds nothing.
public enum ReferenceExtractor {
  public static func extract(from document: Document) -> [Reference] { [] }
}
