// Scenario: a language-model loader ported from PyTorch as a `file sealed class` with a primary constructor and only a `Sampler` (a RandomSampler over text blocks), no batch sampler; the loop sets `loader.Sampler.SetEpoch(epoch)` each epoch, which is the whole of its order — correct, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int BlockSize = 64;
const int Vocab = 256;

var text = File.Exists("corpus.txt") ? File.ReadAllBytes("corpus.txt") : "hello world, hello torch "u8.ToArray();
using var tokens = tensor(text.Select(b => (long)b).ToArray(), ScalarType.Int64);

var loader = new BlockLoader(tokens, BlockSize, batchSize: 16, seed: 3);

var model = Sequential(
    ("embed", Embedding(Vocab, 128)),
    ("mix", Linear(128, 128)),
    ("act", GELU()),
    ("head", Linear(128, Vocab)));
var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);

for (var epoch = 0; epoch < 10; epoch++)
{
    loader.Sampler.SetEpoch(epoch);

    double sum = 0;
    var steps = 0;
    foreach (var (input, target) in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.call(input);
        var loss = functional.cross_entropy(logits.view(-1, Vocab), target.view(-1));
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: {steps} steps, loss {sum / Math.Max(steps, 1):F3}");
}

/// <summary>Random, non-overlapping blocks of a token stream, PyTorch-style: a sampler over block indices, batched here.</summary>
file sealed class BlockLoader(Tensor tokens, int blockSize, int batchSize, int seed) : IEnumerable<(Tensor Input, Tensor Target)>
{
    public RandomSampler Sampler { get; } = new(Math.Max(1, (tokens.shape[0] - 1) / blockSize), seed);

    public IEnumerator<(Tensor Input, Tensor Target)> GetEnumerator()
    {
        foreach (long[] blocks in Sampler.Chunk(batchSize))
        {
            using var starts = tensor(blocks, ScalarType.Int64) * blockSize;
            using var offsets = arange(blockSize + 1, ScalarType.Int64);
            var index = (starts.unsqueeze(1) + offsets.unsqueeze(0)).clamp_max(tokens.shape[0] - 1);
            var window = tokens[index];
            yield return (window[.., ..^1], window[.., 1..]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
