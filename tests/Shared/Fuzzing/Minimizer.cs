namespace Errata.Testing.Fuzzing;

/// <summary>
/// Shrinks an input while it still shows the same finding: drop whole documents, then
/// runs of lines of each file, halving the run length down to single lines (a simple
/// delta debugging). Bounded by a number of attempts, since each attempt is a whole build.
/// </summary>
internal static class Minimizer
{
    /// <summary>
    /// The smallest input found that still shows <paramref name="finding"/>, with the finding
    /// as that input shows it (its message and span belong to the shrunk files). Hangs are
    /// kept as found: each attempt to shrink one would cost a whole deadline.
    /// </summary>
    public static (Finding Finding, FuzzInput Input) Shrink(FuzzDriver driver, Finding finding, FuzzInput input, int maxAttempts = 400)
    {
        if (finding.Class is FindingClass.Hang or FindingClass.ProcessDied) return (finding, input);
        List<Finding> Run(FuzzInput candidate) => driver.Run(candidate, new FuzzDriver.Progress());
        var smallest = Minimize(input, c => Run(c).Any(f => f.Key == finding.Key), maxAttempts);
        return (Run(smallest).FirstOrDefault(f => f.Key == finding.Key) ?? finding, smallest);
    }

    public static FuzzInput Minimize(FuzzInput input, Func<FuzzInput, bool> stillFails, int maxAttempts = 400)
    {
        var attempts = 0;
        bool Try(FuzzInput candidate) => attempts++ < maxAttempts && stillFails(candidate);

        var current = input;
        // Documents first: the configuration file stays, it is what makes a site.
        foreach (var file in current.Files.Where(f => f.Path != FuzzInput.ConfigName).ToList())
        {
            var without = current.WithFiles(current.Files.Where(f => f != file).ToList());
            if (without.Files.Count > 1 && Try(without)) current = without;
        }
        for (var fileIndex = 0; fileIndex < current.Files.Count; fileIndex++)
        {
            var lines = Lines(current.Files[fileIndex].Bytes);
            for (var run = Math.Max(1, lines.Count / 2); run >= 1 && attempts < maxAttempts; run /= 2)
            {
                for (var start = 0; start < lines.Count && attempts < maxAttempts;)
                {
                    var shorter = lines.Take(start).Concat(lines.Skip(start + run)).ToList();
                    var candidate = WithFile(current, fileIndex, shorter);
                    if (shorter.Count < lines.Count && Try(candidate)) { current = candidate; lines = shorter; }
                    else start += run;
                }
            }
        }
        return current;
    }

    private static FuzzInput WithFile(FuzzInput input, int index, List<byte[]> lines)
    {
        var files = input.Files.ToList();
        files[index] = files[index] with { Bytes = [.. lines.SelectMany(l => l)] };
        return input.WithFiles(files);
    }

    /// <summary>Lines with their terminators, as bytes, so joining them gives the file back exactly.</summary>
    private static List<byte[]> Lines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') { lines.Add(bytes[start..(i + 1)]); start = i + 1; }
        if (start < bytes.Length) lines.Add(bytes[start..]);
        return lines;
    }
}
