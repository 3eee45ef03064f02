using System.Text;
using Microsoft.CodeAnalysis;

namespace Composer.Analyzers.Tests.Corpus;

/// <summary>Counts for one rule, one set or the whole corpus.</summary>
public sealed class Tally
{
    public int Files, TruePositives, FalsePositives, FalseNegatives, FixesOffered, FixesWork;

    // An empty denominator means nothing went wrong: no alarm raised (precision) or none to raise (recall, fixes).
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double FixSuccess => Ratio(FixesWork, TruePositives);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    public void Add(Tally other)
    {
        TruePositives += other.TruePositives; FalsePositives += other.FalsePositives; FalseNegatives += other.FalseNegatives;
        FixesOffered += other.FixesOffered; FixesWork += other.FixesWork;
    }
}

/// <summary>A diagnostic the analyzers got right, and what its fix did.</summary>
public sealed record TruePositive(AnalysedFile File, Diagnostic Diagnostic, string Rule, int Line)
{
    public FixOutcome Fix { get; set; } = FixOutcome.NotOffered("not checked");
}

/// <summary>
/// Expected against reported diagnostics, as multisets of (file, line, rule): on a line that expects a rule twice
/// and gets it once, one is a true positive and one a false negative.
/// </summary>
public sealed class AdversarialScore
{
    public required IReadOnlyList<AnalysedFile> Files { get; init; }
    public List<TruePositive> TruePositives { get; } = [];
    public List<string> Mismatches { get; } = [];
    public SortedDictionary<string, Tally> ByRule { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, Tally> BySet { get; } = new(StringComparer.Ordinal);
    public Tally Total { get; } = new();

    public int Negatives => Files.Count(f => f.IsNegative);
    public double NegativeShare => Files.Count == 0 ? 0 : (double)Negatives / Files.Count;

    public static AdversarialScore Match(IReadOnlyList<AnalysedFile> files)
    {
        var score = new AdversarialScore { Files = files };
        foreach (var file in files)
        {
            var expected = file.Expected.GroupBy(e => (e.Rule, e.Line)).ToDictionary(g => g.Key, g => g.Count());
            var reported = file.Reported.GroupBy(d => (Rule: d.Id, Line: AnalysedFile.LineOf(d))).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var (rule, line) in expected.Keys.Union(reported.Keys).OrderBy(k => k.Line).ThenBy(k => k.Rule, StringComparer.Ordinal))
            {
                int wanted = expected.GetValueOrDefault((rule, line));
                var got = reported.GetValueOrDefault((rule, line)) ?? [];
                int hits = Math.Min(wanted, got.Count);
                score.TruePositives.AddRange(got.Take(hits).Select(d => new TruePositive(file, d, rule, line)));
                for (int i = hits; i < got.Count; i++) score.Mismatches.Add($"{file.Name}:{line} {rule} (FP)");
                for (int i = hits; i < wanted; i++) score.Mismatches.Add($"{file.Name}:{line} {rule} (FN)");
                foreach (var tally in new[] { Of(score.ByRule, rule), Of(score.BySet, file.Set) })
                {
                    tally.TruePositives += hits; tally.FalsePositives += got.Count - hits; tally.FalseNegatives += wanted - hits;
                }
            }
            foreach (var rule in file.Expected.Select(e => e.Rule).Concat(file.Reported.Select(d => d.Id)).Distinct()) Of(score.ByRule, rule).Files++;
            Of(score.BySet, file.Set).Files++;
        }
        return score;
    }

    private static Tally Of(SortedDictionary<string, Tally> tallies, string key) =>
        tallies.TryGetValue(key, out var tally) ? tally : tallies[key] = new Tally();

    /// <summary>Adds the checked fixes to the counts, and sums the rules into the total.</summary>
    public void Summarise()
    {
        foreach (var tp in TruePositives)
            foreach (var tally in new[] { ByRule[tp.Rule], BySet[tp.File.Set] })
            {
                if (tp.Fix.Offered) tally.FixesOffered++;
                if (tp.Fix.Works) tally.FixesWork++;
            }
        foreach (var tally in ByRule.Values) Total.Add(tally);
        Total.Files = Files.Count;
    }

    public string Report(string timing)
    {
        var text = new StringBuilder();
        text.AppendLine($"Adversarial corpus: {Files.Count} files in {BySet.Count} sets, {Files.Count - Negatives} positive (with a //! marker), " +
                        $"{Negatives} negative ({NegativeShare:P0}); {timing}");
        text.AppendLine("(files: per rule, those that expect or report it; per set and in total, all)");
        text.AppendLine();
        Table(text, "Rule", ByRule.Append(new("Total", Total)));
        text.AppendLine();
        Table(text, "Set", BySet);

        text.AppendLine();
        text.AppendLine($"Mismatches ({Mismatches.Count}):");
        foreach (var mismatch in Mismatches) text.AppendLine("  " + mismatch);

        var unfixed = TruePositives.Where(tp => !tp.Fix.Works).ToList();
        text.AppendLine();
        text.AppendLine($"True positives whose fix is not offered or does not work ({unfixed.Count}):");
        foreach (var tp in unfixed) text.AppendLine($"  {tp.File.Name}:{tp.Line} {tp.Rule}: {tp.Fix.Problem}");
        return text.ToString();
    }

    private static void Table(StringBuilder text, string heading, IEnumerable<KeyValuePair<string, Tally>> rows)
    {
        var all = rows.ToList();
        int width = Math.Max(heading.Length, all.Count == 0 ? 0 : all.Max(r => r.Key.Length)) + 2;
        text.AppendLine($"{heading.PadRight(width)}{"files",6}{"TP",6}{"FP",6}{"FN",6}{"precision",11}{"recall",8}{"fix offered",13}{"fix works",11}");
        foreach (var (name, t) in all)
            text.AppendLine($"{name.PadRight(width)}{t.Files,6}{t.TruePositives,6}{t.FalsePositives,6}{t.FalseNegatives,6}" +
                            $"{t.Precision,11:F3}{t.Recall,8:F3}{t.FixesOffered,13}{t.FixesWork,11}");
    }
}
