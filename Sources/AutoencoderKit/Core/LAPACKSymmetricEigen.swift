import CBLAS

/// Eigenvalues and eigenvectors of a dense symmetric matrix through LAPACK's `dsyevd` (divide and
/// conquer), which OpenBLAS's library carries: exact to rounding at any size the caller can hold,
/// where the cyclic Jacobi of `SymmetricEigen` suits only the few-column matrices of t-SNE.
enum LAPACKSymmetricEigen {
    /// The eigenvalues in ascending order and the eigenvectors as the rows of a row-major
    /// `size × size` matrix (row j belongs to value j); nil when LAPACK reports a failure (it did
    /// not converge, or the matrix holds a non-finite value) or the size does not fit LAPACK's
    /// integers. Only the upper triangle of the row-major `matrix` is read.
    static func decompose(_ matrix: [Double], size d: Int) -> (values: [Double], vectors: [Double])? {
        guard d > 0, matrix.count == d * d, d <= Int(Int32.max) / d, matrix.allSatisfy(\.isFinite) else { return nil }
        BLASThreads.configured
        // A symmetric matrix's row-major upper triangle is its column-major lower one.
        var a = matrix, values = [Double](repeating: 0, count: d)
        var n = blasint(d), lda = blasint(d), info = blasint(0)
        var jobz = CChar(UInt8(ascii: "V")), uplo = CChar(UInt8(ascii: "L"))
        // The first call only asks how much workspace the second needs.
        var workSize = 0.0, iworkSize = blasint(0), query = blasint(-1)
        dsyevd_(&jobz, &uplo, &n, &a, &lda, &values, &workSize, &query, &iworkSize, &query, &info, 1, 1)
        guard info == 0, workSize.isFinite, workSize >= 1, workSize < Double(Int32.max), iworkSize >= 1 else { return nil }
        var lwork = blasint(workSize.rounded(.up)), liwork = iworkSize
        var work = [Double](repeating: 0, count: Int(lwork)), iwork = [blasint](repeating: 0, count: Int(liwork))
        dsyevd_(&jobz, &uplo, &n, &a, &lda, &values, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        guard info == 0 else { return nil }
        // LAPACK's column j (column-major) is the j-th eigenvector: row j of the row-major result.
        return (values, a)
    }
}
