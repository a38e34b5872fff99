import Testing

@testable import BrowserKit

@Test func everyRoleHasADistinctName() {
  let names = Set(ThemeRole.allCases.map(\.rawValue))
  #expect(names.count == ThemeRole.allCases.count)
}
