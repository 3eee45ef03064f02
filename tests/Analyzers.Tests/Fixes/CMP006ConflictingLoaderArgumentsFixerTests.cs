using Composer.Analyzers.CodeFixes.Rules;
using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Fixes;

public class CMP006ConflictingLoaderArgumentsFixerTests
{
    private static readonly FixVerifier<CMP006ConflictingLoaderArgumentsFixer> V = new(Descriptors.CMP006ConflictingLoaderArguments);

    private static string Program(string creation) => $$"""
        class Program
        {
            static void Main(InMemoryDataset data, IBatchSampler batches, ISampler indices)
            {
                var loader = {{creation}};
            }
        }
        """;

    [Fact]
    public Task RemovesShuffle() => V.FixAsync(
        Program("{|#0:new EpochDataLoader(data, shuffle: true, batchSampler: batches)|}"),
        Program("new EpochDataLoader(data, batchSampler: batches)"),
        [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "shuffle", "the batch sampler decides the order")]);

    [Fact]
    public Task RemovesBatchSize() => V.FixAsync(
        Program("{|#0:new EpochDataLoader(data, batchSize: 64, batchSampler: batches)|}"),
        Program("new EpochDataLoader(data, batchSampler: batches)"),
        [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "batchSize", "the batch sampler decides the batch size")]);

    [Fact]
    public Task FixAllRemovesEveryConflict() => V.FixAsync(
        Program("{|#0:new EpochDataLoader(data, sampler: indices, batchSampler: batches, dropLast: true)|}"),
        Program("new EpochDataLoader(data, batchSampler: batches)"),
        [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "sampler", "the batch sampler decides the indices"),
         V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "dropLast", "the batch sampler decides the batches")],
        fixAllIterations: 1); // one equivalence key for every argument: Fix All removes them together

    [Fact]
    public Task APositionalArgumentNamesTheOnesAfterIt() => V.FixAsync(
        Program("{|#0:new EpochDataLoader(data, 1, true, null, batches)|}"),
        Program("new EpochDataLoader(data, 1, sampler: null, batchSampler: batches)"),
        [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "shuffle", "the batch sampler decides the order")]);

    [Fact]
    public Task NamesThePositionalArgumentsAfterANamedOneInItsPlace() => V.FixAsync(
        Program("{|#0:new EpochDataLoader(data, 32, shuffle: true, indices)|}"),
        Program("new EpochDataLoader(data, 32, sampler: indices)"),
        [V.Diagnostic().WithLocation(0).WithArguments("sampler", "shuffle", "the sampler decides the order")]);

    [Fact]
    public Task FixAllRemovesTwoPositionalConflictsInOnePass() => V.FixAsync(
        Program("{|#0:new EpochDataLoader(data, 64, true, null, batches)|}"),
        Program("new EpochDataLoader(data, sampler: null, batchSampler: batches)"),
        [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "batchSize", "the batch sampler decides the batch size"),
         V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "shuffle", "the batch sampler decides the order")]);

    [Fact]
    public Task AMultiLineCreationKeepsItsLinesAndComments() => V.FixAsync(
        Program("""
            {|#0:new EpochDataLoader(
                        data, // the images
                        shuffle: true, // reshuffle each epoch
                        batchSampler: batches)|}
            """),
        Program("""
            new EpochDataLoader(
                        data, // the images
                        batchSampler: batches)
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "shuffle", "the batch sampler decides the order")]);

    /// <summary>Found by red team 17: the argument's leading trivia holds half of an #if, which its removal would take away.</summary>
    [Fact]
    public Task ConditionalArgumentsOfferNothing() => V.NoFixAsync(Program("""
        {|#0:new EpochDataLoader(data,
        #if DEBUG
                    batchSize: 8,
        #else
                    batchSize: 64,
        #endif
                    batchSampler: batches)|}
        """), V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "batchSize", "the batch sampler decides the batch size"));

    /// <summary>
    /// Found by red team 21: removing the last argument dropped the comma before it, and the comment after that comma
    /// with it. The comma goes and the comment stays on its line; the parenthesis takes the removed argument's place.
    /// </summary>
    [Fact]
    public Task RemovingTheLastArgumentKeepsTheCommentAfterTheCommaBeforeIt() => V.FixAsync("""
        class Program
        {
            static void Main(InMemoryDataset data, IBatchSampler pk)
            {
                var loader = {|#0:new EpochDataLoader(
                    data,
                    batchSampler: pk,   // P×K: 8 classes × 4 samples per batch
                    shuffle: true)|};     // kept from the old config
            }
        }
        """, """
        class Program
        {
            static void Main(InMemoryDataset data, IBatchSampler pk)
            {
                var loader = new EpochDataLoader(
                    data,
                    batchSampler: pk    // P×K: 8 classes × 4 samples per batch
                    );     // kept from the old config
            }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "shuffle", "the batch sampler decides the order")]);

    /// <summary>Found by red team 21: the fix removes an argument; the ones it keeps keep their layout, columns and comments included.</summary>
    [Fact]
    public Task AlignedArgumentsKeepTheirColumns() => V.FixAsync(
        Program("""
            {|#0:new EpochDataLoader(data,
                        batchSize:    64,      // per rank
                        batchSampler: batches, // shard-aware batches
                        dropLast:     false,   // keep the tail
                        seed:         77)|}
            """),
        Program("""
            new EpochDataLoader(data,
                        batchSampler: batches, // shard-aware batches
                        dropLast:     false,   // keep the tail
                        seed:         77)
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "batchSize", "the batch sampler decides the batch size")]);

    /// <summary>A positional argument named by the fix: only its new name is written, its line keeps its layout.</summary>
    [Fact]
    public Task APositionalArgumentNamedByTheFixKeepsItsLine() => V.FixAsync(
        Program("""
            {|#0:new EpochDataLoader(data,
                        1,     // one sample a batch
                        true,  // reshuffled
                        null,  // no sampler
                        batches)|}
            """),
        Program("""
            new EpochDataLoader(data,
                        1,     // one sample a batch
                        sampler: null,  // no sampler
                        batchSampler: batches)
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("batchSampler", "shuffle", "the batch sampler decides the order")]);
}
