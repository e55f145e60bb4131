// chai 6 ships no type declarations; these cover the assertions the steps use.
declare module 'chai' {
  interface Assertion {
    to: Assertion;
    be: Assertion;
    been: Assertion;
    have: Assertion;
    and: Assertion;
    not: Assertion;
    deep: Assertion;
    at: Assertion;
    with: Assertion;
    least(value: number, message?: string): Assertion;
    most(value: number, message?: string): Assertion;
    greaterThan(value: number, message?: string): Assertion;
    lengthOf(length: number, message?: string): Assertion;
    a(type: string, message?: string): Assertion;
    an(type: string, message?: string): Assertion;
    equal(value: unknown, message?: string): Assertion;
    include(value: unknown, message?: string): Assertion;
    match(pattern: RegExp, message?: string): Assertion;
    property(name: string, value?: unknown, message?: string): Assertion;
  }
  export function expect(value: unknown, message?: string): Assertion;
}
