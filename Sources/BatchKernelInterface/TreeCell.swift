/// One cell of the quadtree (2-D) or octree (3-D) that Barnes–Hut t-SNE walks; AutoencoderKit's
/// `SpaceTree` builds them. Packed so that a walk reads one cache line per visit.
public struct TreeCell {
    /// The mean of the cell's points (the third coordinate is 0 in 2-D).
    public var centreOfMass: (Double, Double, Double)
    /// The square of the cell's width.
    public var widthSquared: Double
    /// How many points the cell holds.
    public var count: Int32
    /// Index of the first child and the number of children (stored next to each other); 0 children
    /// for a leaf.
    public var firstChild: Int32
    public var childCount: Int32
    /// A leaf's points are `points[pointStart ..< pointStart + count]` of the tree's point order.
    public var pointStart: Int32

    /// A cell of `count` points from `pointStart`, its centre of mass not yet known.
    public init(widthSquared: Double, count: Int32 = 0, pointStart: Int32 = 0) {
        centreOfMass = (0, 0, 0)
        self.widthSquared = widthSquared
        self.count = count
        firstChild = 0
        childCount = 0
        self.pointStart = pointStart
    }
}
