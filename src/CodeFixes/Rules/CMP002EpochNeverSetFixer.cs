using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP002: inserts <c>Epochs.SetEpoch(loader, epoch);</c> into the epoch loop's pass, before the statement that
/// iterates the loader (or calls the local function that does). The epoch is the loop's variable or counter; a loop
/// without one gets a counter: <c>while (!converged)</c> becomes <c>for (var epoch = 0; !converged; epoch++)</c>, any
/// other loop <c>var epoch = 0;</c> before it and <c>epoch++</c> in the call (in the last call of the pass, when there are several).
/// A loader type of the user's whose epoch method has a name from <c>epoch_setters</c> gets that call instead
/// (<c>feeder.StartEpoch(epoch);</c>), which <c>Epochs.SetEpoch</c> cannot make. Offers nothing when the loader or the epoch
/// is not in scope there, or when a type named in <c>loader_types</c> has neither a setter nor parts.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP002EpochNeverSetFixer)), Shared]
public sealed class CMP002EpochNeverSetFixer : EditorFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP002EpochNeverSet.Id);

    /// <inheritdoc />
    protected override string EquivalenceKey => "Set the loader's epoch before iterating it";

    /// <inheritdoc />
    protected override async Task<Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(Properties.Loader, out var loader) || loader is null || diagnostic.AdditionalLocations.Count < 2) return null;
        diagnostic.Properties.TryGetValue(Properties.Epoch, out var epoch);
        // A loader type of the user's: its own setter by a name of the user's, or (nothing Epochs.SetEpoch could set) no fix.
        diagnostic.Properties.TryGetValue(Properties.Setter, out var setter);
        if (setter is "") return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return null;
        if (Statements.StatementAt(root, diagnostic.AdditionalLocations[1]) is not { } loop || model.Compilation.GetTypeByMetadataName("Composer.Data.Epochs") is null) return null;
        // Before the statement of the loop's body that holds the iteration (once per pass); else, for a loader declared
        // inside that statement, just before the iteration. A counter advanced where it is passed must be passed once
        // per pass: the first place only.
        var anchors = new[] { diagnostic.AdditionalLocations[0], diagnostic.AdditionalLocations[diagnostic.AdditionalLocations.Count - 1] }
            .Take(epoch is null && !Statements.CountsEveryPass(loop) ? 1 : 2)
            .Select(l => Statements.StatementAt(root, l)).OfType<StatementSyntax>();
        if (anchors.FirstOrDefault(a => Statements.BindsAt(model, a.SpanStart, loader) && (epoch is null || Statements.BindsAt(model, a.SpanStart, epoch))) is not { } anchor) return null;

        return editor =>
        {
            var (value, counter) = Statements.EpochValue(editor, epoch, loop);
            Statements.InsertSetter(editor, loop, anchor, value, loader, (v, position) => Statements.EpochsSetEpoch(editor, loader, v, position, setter));
            Statements.DeclareCounter(editor, loop, counter);
        };
    }
}
