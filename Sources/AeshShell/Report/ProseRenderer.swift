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

    private static let tagPattern = try? NSRegularExpression(pattern: "<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
    private static let attributePattern = try? NSRegularExpression(
        pattern: "([A-Za-z_:][A-Za-z0-9_.:-]*)\\s*(?:=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?")

    /// The elements Markdown makes (and a few inline ones a writer may type as HTML).
    static let allowedElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "ul", "ol", "li", "a",
        "blockquote", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "del", "s",
        "sup", "sub", "kbd", "b", "i", "u", "mark", "small", "span", "div", "dl", "dt", "dd",
    ]
    /// The attributes those may carry; a link or image only to an http(s), mailto, relative or
    /// in-page address.
    static let allowedAttributes: Set<String> = ["href", "src", "alt", "title", "id", "class", "align", "start"]

    /// `html` with every tag that could run code, fetch or restyle the page (raw HTML passed
    /// through from the prose: `<script>`, `<img onerror=…>`, `<a href="javascript:…">`, `style=`)
    /// written as text: the report stays a page that runs no script.
    static func inert(_ html: String) -> String {
        guard let pattern = tagPattern else { return html }
        let text = html as NSString
        var result = "", last = 0
        for match in pattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: match.range(at: 2)).lowercased()
            let attributes = text.substring(with: match.range(at: 3))
            guard !allowedElements.contains(name) || !attributesAreSafe(attributes) else { continue }
            result += text.substring(with: NSRange(location: last, length: match.range.location - last))
            result += text.substring(with: match.range).replacingOccurrences(of: "<", with: "&lt;")
            last = match.range.location + match.range.length
        }
        return result + text.substring(from: last)
    }

    /// Whether a tag's attribute text holds only allowed attributes with harmless addresses.
    static func attributesAreSafe(_ attributes: String) -> Bool {
        var rest = attributes.trimmingCharacters(in: .whitespacesAndNewlines)
        if rest.hasSuffix("/") { rest.removeLast() }
        guard let pattern = attributePattern else { return rest.isEmpty }
        let text = rest as NSString
        var covered = 0
        for match in pattern.matches(in: rest, range: NSRange(location: 0, length: text.length)) {
            let gap = text.substring(with: NSRange(location: covered, length: match.range.location - covered))
            guard gap.allSatisfy(\.isWhitespace) else { return false }
            covered = match.range.location + match.range.length
            let name = text.substring(with: match.range(at: 1)).lowercased()
            guard allowedAttributes.contains(name) else { return false }
            if name == "href" || name == "src", match.range(at: 2).location != NSNotFound {
                let value = text.substring(with: match.range(at: 2)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
                    .lowercased().filter { !$0.isWhitespace && !$0.isNewline }
                if let colon = value.firstIndex(of: ":"), !value[..<colon].contains("/"), !value[..<colon].contains("#"),
                   !["http", "https", "mailto"].contains(String(value[..<colon])) { return false }
            }
        }
        return text.substring(from: covered).allSatisfy(\.isWhitespace)
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
