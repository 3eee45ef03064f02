using System.Reflection;
using System.Text;
using Composer.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Composer.Analyzers.Tests.Docs;

/// <summary>The README's rule table and the rule pages agree with the descriptor table.</summary>
public class RuleDocumentationTests
{
    private const string Start = "<!-- rules -->", End = "<!-- /rules -->";

    private static List<DiagnosticDescriptor> Rules() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>()
            .GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id).ToList(); // a rule with two messages is one rule

    /// <summary>The table as the descriptors say it should be.</summary>
    private static string Table()
    {
        var table = new StringBuilder().AppendLine(Start).AppendLine("| Rule | Severity | Title |").AppendLine("|---|---|---|");
        foreach (var rule in Rules())
            table.AppendLine($"| [{rule.Id}](docs/rules/{rule.Id}.md) | {rule.DefaultSeverity} | {rule.Title} |");
        return table.Append(End).ToString();
    }

    [Fact]
    public void ReadmeTableMatchesTheDescriptors()
    {
        string path = Path.Combine(Repository.Root, "README.md");
        string readme = File.ReadAllText(path);
        int start = readme.IndexOf(Start, StringComparison.Ordinal), end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md needs a {Start} … {End} block");
        string current = readme[start..(end + End.Length)];
        if (Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            File.WriteAllText(path, readme.Replace(current, Table()));
            return;
        }
        Assert.True(current == Table(), $"README.md's rule table is stale; run the tests with UPDATE_README=1, or paste:\n{Table()}");
    }

    [Fact]
    public void EveryRuleHasItsPageAndHelpLink()
    {
        foreach (var rule in Rules())
        {
            Assert.Equal(string.Format(Descriptors.HelpLinkFormat, rule.Id), rule.HelpLinkUri);
            string page = Path.Combine(Repository.Root, "docs", "rules", $"{rule.Id}.md");
            Assert.True(File.Exists(page), $"{rule.Id} has no page at {page}");
            Assert.StartsWith($"# {rule.Id}: {rule.Title}", File.ReadAllText(page));
        }
    }

    [Fact]
    public void EveryRuleIsInTheReleaseTracking()
    {
        string tracked = File.ReadAllText(Path.Combine(Repository.Root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
                       + File.ReadAllText(Path.Combine(Repository.Root, "src", "Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var rule in Rules()) Assert.Contains($"{rule.Id} | {rule.Category} | {rule.DefaultSeverity}", tracked);
    }
}
