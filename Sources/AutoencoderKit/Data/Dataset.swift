/// A table of numeric features with column names, optional 0/1 labels and the row numbers they
/// came from.
///
/// `features` holds one row per data row; `labels[i]` is 0 (normal) or 1 (anomaly) for row `i`
/// when the source had a label column. `sourceRows[i]` is the row's position among the data rows
/// of the loaded file (or generated set), counting from 0, so exports can point back to it;
/// `rowIds[i]`, when the file had an id column, is the row's identifier.
public struct Dataset: Equatable, Sendable {
    /// The feature values, one row per data row.
    public var features: Matrix
    /// One name per feature column.
    public var columnNames: [String]
    /// 0 = normal, 1 = anomaly, one per row; `nil` when the data has no labels.
    public var labels: [UInt8]?
    /// Position of each row in the original file or generated set.
    public var sourceRows: [Int]
    /// The name of the label column, when there is one.
    public var labelName: String?
    /// Each row's identifier (the file's `id` column, text or number as written), when there is one.
    public var rowIds: [String]?
    /// The name of the id column, when there is one.
    public var idName: String?

    /// A data set; `labels` and `sourceRows` (default `0..<rows`) must have one entry per row.
    public init(features: Matrix, columnNames: [String], labels: [UInt8]? = nil,
                sourceRows: [Int]? = nil, labelName: String? = nil, rowIds: [String]? = nil, idName: String? = nil) {
        precondition(columnNames.count == features.columns, "one name per column")
        precondition(labels == nil || labels?.count == features.rows, "one label per row")
        self.features = features
        self.columnNames = columnNames
        self.labels = labels
        self.sourceRows = sourceRows ?? Dataset.rowNumbers(features.rows)
        self.labelName = labelName
        self.rowIds = rowIds
        self.idName = rowIds == nil ? nil : idName
        precondition(rowIds == nil || rowIds?.count == features.rows, "one id per row")
        precondition(self.sourceRows.count == features.rows, "one source row per row")
    }

    /// 0, 1, …, count − 1, in storage that a million rows fault in a few 2 MB pages at a time.
    private static func rowNumbers(_ count: Int) -> [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(count)
        HugePages.adviseUnused(&numbers)
        numbers.append(contentsOf: 0..<count)
        return numbers
    }

    /// Number of rows.
    public var rowCount: Int { features.rows }
    /// Number of feature columns.
    public var columnCount: Int { features.columns }

    /// The rows at `indices` (which must lie inside the data set), keeping labels and row numbers.
    public func selectingRows(_ indices: [Int]) -> Dataset {
        Dataset(features: features.selectingRows(indices), columnNames: columnNames,
                labels: labels.map { l in indices.map { l[$0] } },
                sourceRows: indices.map { sourceRows[$0] }, labelName: labelName,
                rowIds: rowIds.map { ids in indices.map { ids[$0] } }, idName: idName)
    }

    /// Indices of the rows labelled normal (all rows when there are no labels).
    public var normalRowIndices: [Int] {
        guard let labels else { return Array(0..<rowCount) }
        return labels.indices.filter { labels[$0] == 0 }
    }
}
