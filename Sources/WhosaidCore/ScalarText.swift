/// Article text addressed by Unicode scalar (code point) offsets, the unit every span in a record uses.
///
/// Swift strings index by grapheme cluster; Python, JavaScript's `codePointAt` world and most users' tools
/// count code points, so offsets are computed over the scalar array once and sliced from it.
public struct ScalarText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    public var count: Int { scalars.count }

    public subscript(offset: Int) -> Unicode.Scalar { scalars[offset] }

    /// The text of `start..<end`, clamped to the text.
    public func slice(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, scalars.count)), e = max(s, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[s..<e])
        return String(view)
    }

    public func span(_ start: Int, _ end: Int) -> Span { Span(start: start, end: end, text: slice(start, end)) }
}
