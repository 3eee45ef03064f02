using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Composer.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Composer.Analyzers.Tests.Corpus;

/// <summary>A diagnostic a corpus file expects: a <c>//! CMPxxx</c> marker at the end of its (1-based) line.</summary>
public sealed record Expectation(string Rule, int Line);

/// <summary>
/// One corpus file, analysed in the project a user would compile it in: on its own (<c>Set/File.cs</c>), or with the
/// other files of its folder (<c>Set/Project/File.cs</c>: a code base of several files).
/// </summary>
public sealed record AnalysedFile(
    string Name,                                  // "Set/File.cs" or "Set/Project/File.cs", relative to the corpus folder
    Project Project,                              // the file (and its folder's), and GlobalUsings.cs; the fixes run on it
    DocumentId DocumentId,
    ImmutableArray<Diagnostic> CompileErrors,
    ImmutableArray<string> AnalyzerExceptions,
    ImmutableArray<Diagnostic> Reported,          // CMPxxx diagnostics in this file, ordered by position
    ImmutableArray<Diagnostic> ProjectReported,   // CMPxxx diagnostics in every file of the project (a fix is judged on them)
    ImmutableArray<Expectation> Expected,
    ImmutableArray<string> MarkerProblems)
{
    public string Set => Name.Contains('/') ? Name[..Name.IndexOf('/')] : "(no set)";

    public bool IsNegative => Expected.IsEmpty;

    /// <summary>Whether <paramref name="diagnostic"/> is in this file (rather than another file of its project).</summary>
    public bool Holds(Diagnostic diagnostic) => diagnostic.Location.SourceTree?.FilePath == AdversarialCorpus.PathOf(Name);

    public static int LineOf(Diagnostic diagnostic) =>
        diagnostic.Location.IsInSource ? diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1 : 0;
}

/// <summary>
/// The adversarial corpus (tests/Analyzers.Tests/Corpus/Adversarial/&lt;Set&gt;/*.cs), read from the repository,
/// each file compiled with the implicit usings of an SDK project, .NET 8, TorchSharp and Composer.Runtime.
/// </summary>
public static class AdversarialCorpus
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "tests", "Analyzers.Tests", "Corpus", "Adversarial");

    /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gives a console or library project.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The full path a corpus file's document has: where it is, so that an <c>.editorconfig</c> beside it applies.</summary>
    public static string PathOf(string name) => Path.Combine(Folder, name.Replace('/', Path.DirectorySeparatorChar));

    private static readonly Regex RuleId = new(@"^CMP\d{3}$");

    // Both facts need the compiled and analysed corpus: do that once per test run.
    private static readonly Lazy<Task<(ImmutableArray<AnalysedFile> Files, TimeSpan Took)>> Analysed = new(() => AnalyseAllAsync(CancellationToken.None));

    public static Task<(ImmutableArray<AnalysedFile> Files, TimeSpan Took)> AnalysedAsync() => Analysed.Value;

    /// <summary>Resolved once: every file's compilation shares these references and so their loaded metadata.</summary>
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(async () =>
        (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.Libraries));

    public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => References.Value;

    public static ImmutableArray<DiagnosticAnalyzer> NewAnalyzers() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static IReadOnlyList<string> Files() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];

    private static async Task<(ImmutableArray<AnalysedFile>, TimeSpan)> AnalyseAllAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var projects = Projects(Files());
        var results = new AnalysedFile[projects.Count][];
        // Projects are independent: one at a time per core, each analysed without its own concurrency.
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await AnalyseProjectAsync(projects[i], ct));
        return ([.. results.SelectMany(r => r).OrderBy(f => f.Name, StringComparer.Ordinal)], clock.Elapsed);
    }

    /// <summary>A file directly in a set is a project of its own; the files of a folder inside a set (and of its subfolders) are one project.</summary>
    private static List<(string? Folder, string[] Files)> Projects(IReadOnlyList<string> files) =>
        files.GroupBy(f => Path.GetRelativePath(Folder, f).Split(Path.DirectorySeparatorChar) is { Length: >= 3 } parts ? Path.Combine(Folder, parts[0], parts[1]) : f)
            .Select(g => (g.Count() > 1 || g.Key != g.First() ? g.Key : null, g.ToArray())).ToList();

    private static async Task<AnalysedFile[]> AnalyseProjectAsync((string? Folder, string[] Files) project, CancellationToken cancellationToken)
    {
        var paths = project.Files;
        var sources = new List<(string Name, SourceText Text, SyntaxTree Tree)>();
        foreach (var path in paths)
        {
            string name = Path.GetRelativePath(Folder, path).Replace(Path.DirectorySeparatorChar, '/');
            var text = SourceText.From(await File.ReadAllTextAsync(path, cancellationToken));
            sources.Add((name, text, CSharpSyntaxTree.ParseText(text, ParseOptions, name, cancellationToken)));
        }
        // A project folder's .editorconfig files apply to its files, as in a user's repository.
        string[] configs = project.Folder is null ? [] : Directory.GetFiles(project.Folder, ".editorconfig", SearchOption.AllDirectories);
        var (workspaceProject, documentIds) = await CreateProjectAsync([.. sources.Select(s => (s.Name, s.Text))], sources.Any(s => HasTopLevelStatements(s.Tree)), configs);
        var (errors, reported, exceptions) = await AnalyseAsync(workspaceProject, cancellationToken);
        return [.. sources.Select((s, i) =>
        {
            var (expected, problems) = Markers(s.Name, s.Tree, cancellationToken);
            bool InFile(Diagnostic d) => d.Location.SourceTree?.FilePath == PathOf(s.Name);
            // Its own errors, and those in no corpus file (GlobalUsings.cs, or with no place).
            var ownErrors = errors.Where(e => InFile(e) || !sources.Any(o => PathOf(o.Name) == e.Location.SourceTree?.FilePath)).ToImmutableArray();
            return new AnalysedFile(s.Name, workspaceProject, documentIds[i], ownErrors, exceptions, [.. reported.Where(InFile)], reported, expected, problems);
        })];
    }

    private static bool HasTopLevelStatements(SyntaxTree tree) =>
        tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

    /// <summary>
    /// A workspace project with the files and the implicit usings: its compilation is the one analysed, so the
    /// diagnostics' trees are the documents' trees and a code fix can be asked about any of them.
    /// </summary>
    private static async Task<(Project, DocumentId[])> CreateProjectAsync((string Name, SourceText Text)[] files, bool topLevel, string[] editorConfigs)
    {
        string name = files.Length == 1 ? files[0].Name : string.Join('/', files[0].Name.Split('/').Take(2));
        var projectId = ProjectId.CreateNewId(name);
        var solution = new AdhocWorkspace().CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, name, Path.GetFileNameWithoutExtension(name), LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(
                    topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: ParseOptions,
                metadataReferences: await ReferencesAsync()));
        var documentIds = new DocumentId[files.Length];
        for (int i = 0; i < files.Length; i++)
        {
            documentIds[i] = DocumentId.CreateNewId(projectId, files[i].Name);
            solution = solution.AddDocument(documentIds[i], Path.GetFileName(files[i].Name), files[i].Text, filePath: PathOf(files[i].Name));
        }
        foreach (string editorConfig in editorConfigs)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig",
                SourceText.From(await File.ReadAllTextAsync(editorConfig)), filePath: editorConfig);
        solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.cs", SourceText.From(GlobalUsings), filePath: "GlobalUsings.cs");
        return (solution.GetProject(projectId)!, documentIds);
    }

    /// <summary>
    /// The compiler's errors, the CMPxxx diagnostics of every analyzer of Composer.Analyzers, and any analyzer failure:
    /// in one pass, as binding the compilation a second time for its own diagnostics would double the cost.
    /// </summary>
    public static async Task<(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Reported, ImmutableArray<string> Exceptions)> AnalyseAsync(
        Project project, CancellationToken cancellationToken)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var exceptions = new ConcurrentQueue<string>();
        // The project's options: those of an .editorconfig in its folder, if any.
        var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions,
            (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(NewAnalyzers(), options).GetAllDiagnosticsAsync(cancellationToken);
        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001")) exceptions.Enqueue(failure.GetMessage());
        // CMP006 is an error too: the compiler's own are the CSxxxx ones.
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal)).ToImmutableArray();
        var reported = diagnostics.Where(d => d.Id.StartsWith("CMP", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return (errors, reported, [.. exceptions.Distinct()]);
    }

    /// <summary>
    /// The <c>//!</c> comments: rule IDs up to the first word that is not one (so a note may follow them).
    /// A marker alone on its line, or naming no rule, can never match a diagnostic: it is reported as a corpus problem.
    /// </summary>
    private static (ImmutableArray<Expectation>, ImmutableArray<string>) Markers(string name, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var expected = ImmutableArray.CreateBuilder<Expectation>();
        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var comment in tree.GetRoot(cancellationToken).DescendantTrivia()
                     .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.ToString().StartsWith("//!", StringComparison.Ordinal)))
        {
            int line = comment.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var rules = comment.ToString()[3..].Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries)
                .TakeWhile(word => RuleId.IsMatch(word)).ToList();
            if (rules.Count == 0)
                problems.Add($"{name}:{line} marker '{comment}' names no rule");
            else if (!comment.Token.TrailingTrivia.Contains(comment))
                problems.Add($"{name}:{line} marker '{comment}' is alone on its line; put it at the end of the line where the diagnostic starts");
            else
                expected.AddRange(rules.Select(rule => new Expectation(rule, line)));
        }
        return (expected.ToImmutable(), problems.ToImmutable());
    }
}
