using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Composer.Analyzers.Tests.Corpus;

/// <summary>
/// The analyzer runs in the IDE on every keystroke, so mostly on code that does not compile. Every corpus file with a
/// finding, broken where a rule looks (its first marked line) the way typing breaks it: cut off in the middle of that
/// line, that line half written with the rest of the file after it, and that line deleted. No analyzer may throw, and
/// no code fix may throw when offered or applied on what is still reported (its result need not compile: the code did not).
/// </summary>
public class TypingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task NoAnalyzerThrowsOnHalfWrittenCode()
    {
        var (files, _) = await AdversarialCorpus.AnalysedAsync();
        var positives = files.Where(f => !f.IsNegative).ToList();
        var failures = new ConcurrentBag<string>();
        int variants = 0, fixes = 0;
        await Parallel.ForEachAsync(positives, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (file, ct) =>
        {
            var document = file.Project.GetDocument(file.DocumentId)!;
            var text = await document.GetTextAsync(ct);
            var line = text.Lines[file.Expected[0].Line - 1];
            int middle = line.Start + (line.End - line.Start) * 2 / 3;
            (string Name, string Text)[] broken =
            [
                ("cut off mid-line", text.ToString(TextSpan.FromBounds(0, middle))),
                ("line half written", text.ToString(TextSpan.FromBounds(0, middle)) + text.ToString(TextSpan.FromBounds(line.End, text.Length))),
                ("line deleted", text.ToString(TextSpan.FromBounds(0, line.Start)) + text.ToString(TextSpan.FromBounds(line.EndIncludingLineBreak, text.Length))),
            ];
            foreach (var (name, source) in broken)
            {
                Interlocked.Increment(ref variants);
                var project = document.WithText(SourceText.From(source)).Project;
                var (errors, reported, exceptions) = await AdversarialCorpus.AnalyseAsync(project, ct);
                foreach (var exception in exceptions) failures.Add($"{file.Name}:{file.Expected[0].Line} ({name}): {exception}");
                var typed = file with { Project = project, CompileErrors = errors, Reported = [.. reported.Where(file.Holds)], ProjectReported = reported };
                foreach (var diagnostic in typed.Reported)
                {
                    Interlocked.Increment(ref fixes);
                    if ((await AdversarialFixes.CheckAsync(typed, diagnostic, ct)).Problem is { } problem && problem.Contains(" threw ", StringComparison.Ordinal))
                        failures.Add($"{file.Name}:{file.Expected[0].Line} ({name}) {diagnostic.Id} line {AnalysedFile.LineOf(diagnostic)}: {problem}");
                }
            }
        });
        output.WriteLine($"{variants} half-written variants of {positives.Count} corpus files analysed, fixes asked for {fixes} findings on them");
        Assert.True(positives.Count >= 100, $"only {positives.Count} corpus files with a finding");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal).Take(30)));
    }
}
