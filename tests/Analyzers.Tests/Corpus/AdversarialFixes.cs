using System.Collections.Immutable;
using System.Reflection;
using Composer.Analyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

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

        var compilation = (await changed.GetProject(file.Project.Id)!.GetCompilationAsync(cancellationToken))!;
        var (errors, after, exceptions) = await AdversarialCorpus.AnalyseAsync(compilation, cancellationToken);
        if (!errors.IsEmpty) return FixOutcome.Fails(action.Title, "the fixed code does not compile: " + string.Join(" | ", errors.Take(3)));
        if (!exceptions.IsEmpty) return FixOutcome.Fails(action.Title, "an analyzer throws on the fixed code: " + exceptions[0]);
        int Before(string rule) => file.Reported.Count(d => d.Id == rule);
        int After(string rule) => after.Count(d => d.Id == rule);
        if (After(diagnostic.Id) >= Before(diagnostic.Id))
        {
            // Most likely the same diagnostic, moved by the inserted lines: show the one nearest the original line.
            var remaining = after.Where(d => d.Id == diagnostic.Id).MinBy(d => Math.Abs(AnalysedFile.LineOf(d) - AnalysedFile.LineOf(diagnostic)))!;
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

    // Roslyn 4.8 keeps an action's nested actions internal (public as NestedActions from 4.9 on); read whichever exists.
    private static readonly PropertyInfo? NestedActions =
        typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Public | BindingFlags.Instance)
        ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.NonPublic | BindingFlags.Instance);

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        NestedActions?.GetValue(action) is ImmutableArray<CodeAction> { IsDefaultOrEmpty: false } nested
            ? nested.SelectMany(Flatten)
            : [action];
}
