// Scenario: a loader ported from PyTorch as a record with a `required init` RandomSampler property, built with an object initializer; the epoch loop never sets its epoch (bug: CMP002, the Sampler member is declared with an epoch-aware class type).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002RecordRequiredSampler;

public sealed record TokenLoader : IEnumerable<Tensor>
{
    public required Tensor Tokens { get; init; }
    public required RandomSampler Sampler { get; init; }
    public int BatchSize { get; init; } = 8;

    public IEnumerator<Tensor> GetEnumerator()
    {
        foreach (var chunk in Sampler.Chunk(BatchSize))
            yield return Tokens.index_select(0, tensor(chunk));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Program
{
    public static void Main()
    {
        var tokens = randint(0, 50_000, new long[] { 4096, 128 });
        var loader = new TokenLoader
        {
            Tokens = tokens,
            Sampler = new RandomSampler(tokens.shape[0], seed: 42),
            BatchSize = 16,
        };
        var lm = nn.Embedding(50_000, 64);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            foreach (var batch in loader) //! CMP002
            {
                using var h = lm.call(batch);
                Console.WriteLine($"epoch {epoch}: {h.shape[0]} sequences");
            }
        }
    }
}
