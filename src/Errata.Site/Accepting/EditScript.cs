namespace Errata.Site.Accepting;

/// <summary>
/// The shortest edit script between two line lists, by Myers' greedy algorithm
/// ("An O(ND) Difference Algorithm and Its Variations", 1986): cost grows with the
/// number of changed lines, which is small for an accept, not with the document's length.
/// </summary>
public static class EditScript
{
    public enum Kind { Same, Delete, Insert }

    /// <summary>One step: Old and New are the positions in each list this step is at.</summary>
    public readonly record struct Op(Kind Kind, int Old, int New);

    public static IReadOnlyList<Op> Between(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var n = a.Count;
        var m = b.Count;
        var max = n + m;
        var v = new int[2 * max + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            // Step d reads only diagonals -d..d, so that slice is all the backtrack needs: O(D²) memory in all.
            trace.Add(v[(max - d)..(max + d + 1)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[max + k] = x;
                if (x >= n && y >= m) return Backtrack(trace, max, n, m);
            }
        }
        throw new InvalidOperationException("an edit script always exists within n + m steps");
    }

    private static List<Op> Backtrack(List<int[]> trace, int max, int n, int m)
    {
        var ops = new List<Op>();
        var x = n;
        var y = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d]; // v[d + k] is diagonal k
            var k = x - y;
            var prevK = k == -d || (k != d && v[d + k - 1] < v[d + k + 1]) ? k + 1 : k - 1;
            var prevX = d == 0 ? 0 : v[d + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY) { x--; y--; ops.Add(new Op(Kind.Same, x, y)); }
            if (d == 0) break;
            if (x == prevX) { y--; ops.Add(new Op(Kind.Insert, x, y)); }
            else { x--; ops.Add(new Op(Kind.Delete, x, y)); }
        }
        ops.Reverse();
        return ops;
    }
}
