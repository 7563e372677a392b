import Foundation

/// The rules for which URLs may be fetched: http and https only, with a host.
public enum FetchURL {
    public static let allowedSchemes: Set<String> = ["http", "https"]

    /// Why `text` cannot be fetched, or nil if it can.
    public static func problem(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return "not a valid URL" }
        guard allowedSchemes.contains(scheme) else { return "only http and https URLs are fetched, not \(scheme):" }
        guard let host = url.host, !host.isEmpty else { return "the URL has no host" }
        return nil
    }

    /// The key politeness limits are counted by: the host (lower-cased) and the port, if given.
    public static func hostKey(_ text: String) -> String {
        guard let url = URL(string: text), let host = url.host?.lowercased() else { return "" }
        return url.port.map { "\(host):\($0)" } ?? host
    }

    /// Where a redirect's Location points, resolved against the URL that answered (the fragment dropped),
    /// or why it is refused.
    public static func redirectTarget(_ location: String, from base: String) -> Result<String, RedirectRefusal> {
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let baseURL = URL(string: base),
              let target = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL else { return .failure(.invalid(location)) }
        guard let scheme = target.scheme?.lowercased(), allowedSchemes.contains(scheme) else {
            return .failure(.scheme(target.scheme ?? "none"))
        }
        guard let host = target.host, !host.isEmpty else { return .failure(.invalid(location)) }
        var text = target.absoluteString
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        return .success(text)
    }

    public enum RedirectRefusal: Error, Equatable {
        case invalid(String)
        case scheme(String)
    }
}
