import Foundation
import Ink

/// A heading of the document, for its title and contents list.
struct ReportHeading: Equatable {
    /// 1 to 6.
    var level: Int
    /// The heading as plain text.
    var text: String
    /// The HTML id it gets (`s-1`, `s-2`, … in document order).
    var id: String
}

/// Prose cells rendered by Ink, the headings given ids in document order.
enum ProseRenderer {
    /// The HTML of each prose cell (nil for other entries) and the headings of all of them.
    static func render(_ entries: [ReportEntry]) -> (html: [String?], headings: [ReportHeading]) {
        let parser = MarkdownParser()
        var headings: [ReportHeading] = []
        let html: [String?] = entries.map { entry in
            guard case .prose(let markdown) = entry else { return nil }
            return numberHeadings(inert(parser.html(from: markdown)), into: &headings)
        }
        return (html, headings)
    }

    private static let activePattern = try? NSRegularExpression(
        pattern: "<(/?)(script|iframe|object|embed|link|meta|base|style)\\b", options: [.caseInsensitive])

    /// `html` with the elements that would run code, fetch or restyle the page (raw HTML passed
    /// through from the prose) written as text: the report stays a page that runs no script.
    static func inert(_ html: String) -> String {
        guard let pattern = activePattern else { return html }
        return pattern.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "&lt;$1$2")
    }

    private static let headingPattern = try? NSRegularExpression(pattern: "<h([1-6])>(.*?)</h\\1>", options: [.dotMatchesLineSeparators])

    /// `html` with each `<hN>` given the next id, its text added to `headings`.
    static func numberHeadings(_ html: String, into headings: inout [ReportHeading]) -> String {
        guard let pattern = headingPattern else { return html }
        let text = html as NSString
        var result = "", last = 0
        for match in pattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let level = Int(text.substring(with: match.range(at: 1))) ?? 1
            let inner = text.substring(with: match.range(at: 2))
            let id = "s-\(headings.count + 1)"
            headings.append(ReportHeading(level: level, text: plainText(ofHTML: inner), id: id))
            result += text.substring(with: NSRange(location: last, length: match.range.location - last))
            result += "<h\(level) id=\"\(id)\">\(inner)</h\(level)>"
            last = match.range.location + match.range.length
        }
        return result + text.substring(from: last)
    }

    /// The text of an HTML fragment: tags dropped, the entities Ink writes decoded.
    static func plainText(ofHTML html: String) -> String {
        let withoutTags = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        return withoutTags.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
