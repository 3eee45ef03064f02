using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Composer.Analyzers.CodeFixes;

/// <summary>
/// The formatter writes a fix's line breaks with the ending its options give (<c>end_of_line</c> in .editorconfig, else
/// the platform's: "\n" on Linux and macOS, "\r\n" on Windows), which in a file of the other ending leaves them mixed.
/// A fixed file whose lines all ended alike gets that ending on the lines the fix wrote too.
/// </summary>
internal static class LineEndings
{
    public static async Task<Document> KeepAsync(Document original, Document changed, CancellationToken cancellationToken)
    {
        var text = await original.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var options = await changed.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        if (EndingOf(text) is not { } ending || ending == options.GetOption(FormattingOptions.NewLine)) return changed;
        // The code action's own clean-up (imports, simplification, layout) would run on the new text, where the annotations
        // that ask for it are gone: so it runs here first, in the same order.
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        var written = (await changed.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        var kept = WithEnding(written, ending);
        return kept == written ? changed : changed.WithText(SourceText.From(kept, text.Encoding, text.ChecksumAlgorithm));
    }

    /// <summary>The ending of every line of <paramref name="text"/>, or null when they differ or there is none.</summary>
    private static string? EndingOf(SourceText text)
    {
        string? ending = null;
        foreach (var line in text.Lines)
        {
            if (line.EndIncludingLineBreak == line.End) continue; // the last line
            var current = text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak));
            if (ending is not null && current != ending) return null;
            ending = current;
        }
        return ending is "\n" or "\r\n" ? ending : null;
    }

    private static string WithEnding(string text, string ending)
    {
        var result = new StringBuilder(text.Length + 64);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // the "\n" that follows writes the ending
            if (text[i] == '\n') result.Append(ending);
            else result.Append(text[i]);
        }
        return result.ToString();
    }
}
