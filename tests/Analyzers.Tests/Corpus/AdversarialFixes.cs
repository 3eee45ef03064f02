using System.Collections.Immutable;
using System.Reflection;
using Composer.Analyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Composer.Analyzers.Tests.Corpus;

/// <summary>What happened to one true-positive diagnostic's fix; <see cref="Problem"/> says why it is not offered or does not work.</summary>
public sealed record FixOutcome(bool Offered, bool Works, string? Problem)
{
    public static FixOutcome NotOffered(string why) => new(false, false, $"no fix offered: {why}");
    public static FixOutcome Fails(string title, string why) => new(true, false, $"fix \"{title}\" does not work: {why}");
    public static FixOutcome Worked { get; } = new(true, true, null);
}

/// <summary>
/// Offers a diagnostic to every code fix of Composer.Analyzers.CodeFixes, as the IDE's light bulb would, and applies
/// the first action. The fix works when the code still compiles, that rule reports fewer diagnostics, and no other more.
/// </summary>
public static class AdversarialFixes
{
    private static readonly ImmutableArray<CodeFixProvider> Fixers =
        typeof(CMP002EpochNeverSetFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static async Task<FixOutcome> CheckAsync(AnalysedFile file, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var document = file.Project.GetDocument(file.DocumentId)!;
        var candidates = Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)).ToList();
        if (candidates.Count == 0) return FixOutcome.NotOffered($"no code fix provider handles {diagnostic.Id}");

        var actions = new List<CodeAction>();
        var failures = new List<string>();
        foreach (var fixer in candidates)
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.AddRange(Flatten(action)), cancellationToken);
            try { await fixer.RegisterCodeFixesAsync(context); }
            catch (Exception e) when (e is not OperationCanceledException) { failures.Add($"{fixer.GetType().Name} threw {e.GetType().Name}: {e.Message}"); }
        }
        if (actions.Count == 0)
            return FixOutcome.NotOffered(failures.Count > 0 ? string.Join("; ", failures) : $"{string.Join(", ", candidates.Select(f => f.GetType().Name))} registered no action");

        var action = actions[0];
        Solution? changed;
        try { changed = (await action.GetOperationsAsync(cancellationToken)).OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution; }
        catch (Exception e) when (e is not OperationCanceledException) { return FixOutcome.Fails(action.Title, $"computing it threw {e.GetType().Name}: {e.Message}"); }
        if (changed is null) return FixOutcome.Fails(action.Title, "it changes no code");

        var (errors, after, exceptions) = await AdversarialCorpus.AnalyseAsync(await AsSavedAsync(changed, file, cancellationToken), cancellationToken);
        if (!errors.IsEmpty) return FixOutcome.Fails(action.Title, "the fixed code does not compile: " + string.Join(" | ", errors.Take(3)));
        if (!exceptions.IsEmpty) return FixOutcome.Fails(action.Title, "an analyzer throws on the fixed code: " + exceptions[0]);
        int Before(string rule) => file.ProjectReported.Count(d => d.Id == rule);
        int After(string rule) => after.Count(d => d.Id == rule);
        if (After(diagnostic.Id) >= Before(diagnostic.Id))
        {
            // Most likely the same diagnostic, moved by the inserted lines: show the one nearest the original line.
            var remaining = after.Where(d => d.Id == diagnostic.Id).OrderBy(d => file.Holds(d) ? 0 : 1).ThenBy(d => Math.Abs(AnalysedFile.LineOf(d) - AnalysedFile.LineOf(diagnostic))).First();
            return FixOutcome.Fails(action.Title, $"{diagnostic.Id} still reported, line {AnalysedFile.LineOf(remaining)}: {remaining.GetMessage()}");
        }
        var added = after.Select(d => d.Id).Distinct().Where(rule => rule != diagnostic.Id && After(rule) > Before(rule)).ToList();
        if (added.Count > 0)
        {
            var first = after.First(d => added.Contains(d.Id));
            return FixOutcome.Fails(action.Title, $"it adds {string.Join(", ", added)}, e.g. line {AnalysedFile.LineOf(first)}: {first.GetMessage()}");
        }
        return FixOutcome.Worked;
    }

    /// <summary>
    /// Fix All in the document for every diagnostic of <paramref name="rule"/> in <paramref name="file"/>, as the IDE's
    /// "Fix all occurrences in document" and <c>dotnet format analyzers</c> run it. Null when it works: the code still
    /// compiles, no analyzer throws, the rule reports no more than the diagnostics whose own fix is not offered, and no
    /// other rule reports more; otherwise what went wrong.
    /// </summary>
    public static async Task<string?> FixAllAsync(AnalysedFile file, string rule, CancellationToken cancellationToken)
    {
        var document = file.Project.GetDocument(file.DocumentId)!;
        var diagnostics = file.Reported.Where(d => d.Id == rule).ToImmutableArray();
        var fixer = Fixers.Single(f => f.FixableDiagnosticIds.Contains(rule));
        var offered = new List<CodeAction>();
        int fixable = 0;
        foreach (var diagnostic in diagnostics)
        {
            int before = offered.Count;
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => offered.AddRange(Flatten(action)), cancellationToken));
            if (offered.Count > before) fixable++;
        }
        if (fixable == 0) return null;

        var context = new FixAllContext(document, fixer, FixAllScope.Document, offered[0].EquivalenceKey, [rule], new Diagnostics(diagnostics), cancellationToken);
        if (await fixer.GetFixAllProvider()!.GetFixAsync(context) is not { } fixAll) return "Fix All offers no action";
        var changed = (await fixAll.GetOperationsAsync(cancellationToken)).OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
        if (changed is null) return "Fix All changes no code";
        var (errors, after, exceptions) = await AdversarialCorpus.AnalyseAsync(await AsSavedAsync(changed, file, cancellationToken), cancellationToken);
        if (!errors.IsEmpty) return "the fixed code does not compile: " + string.Join(" | ", errors.Take(3));
        if (!exceptions.IsEmpty) return "an analyzer throws on the fixed code: " + exceptions[0];
        // The rule's findings left in this file; the project's other files must keep theirs.
        int left = after.Count(d => d.Id == rule) - (file.ProjectReported.Count(d => d.Id == rule) - diagnostics.Length);
        if (left > diagnostics.Length - fixable) return $"{left} of {diagnostics.Length} left, {fixable} of which have a fix of their own";
        var added = after.Select(d => d.Id).Distinct().Where(r => r != rule && after.Count(d => d.Id == r) > file.ProjectReported.Count(d => d.Id == r)).ToList();
        return added.Count > 0 ? $"it adds {string.Join(", ", added)}" : null;
    }

    /// <summary>
    /// The fixed project as the saved file would compile: its text parsed again, because a tree a fix builds can hold
    /// what no parser reads back (a lambda cast without parentheses, say).
    /// </summary>
    private static async Task<Project> AsSavedAsync(Solution changed, AnalysedFile file, CancellationToken cancellationToken)
    {
        var text = await changed.GetDocument(file.DocumentId)!.GetTextAsync(cancellationToken);
        return changed.WithDocumentText(file.DocumentId, SourceText.From(text.ToString())).GetProject(file.Project.Id)!;
    }

    private sealed class Diagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }

    // Roslyn 4.8 keeps an action's nested actions internal (public as NestedActions from 4.9 on); read whichever exists.
    private static readonly PropertyInfo? NestedActions =
        typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Public | BindingFlags.Instance)
        ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.NonPublic | BindingFlags.Instance);

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        NestedActions?.GetValue(action) is ImmutableArray<CodeAction> { IsDefaultOrEmpty: false } nested
            ? nested.SelectMany(Flatten)
            : [action];
}
