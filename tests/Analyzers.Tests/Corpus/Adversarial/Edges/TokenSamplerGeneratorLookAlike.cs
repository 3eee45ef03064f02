// Scenario: a language-model trainer previews generations each epoch through a TextGenerator whose `Sampler` is a top-p token sampler (not epoch-aware, not a data sampler); the data loader's epoch is set; right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.TokenSamplerGeneratorLookAlike;

/// <summary>Picks the next token from logits by nucleus sampling.</summary>
public sealed class TopPSampler
{
    private readonly Random _rng;
    public TopPSampler(double topP, int seed) => (TopP, _rng) = (topP, new Random(seed));
    public double TopP { get; set; }
    public double Temperature { get; set; } = 1.0;

    public int Next(Tensor logits)
    {
        using var probs = nn.functional.softmax(logits / Temperature, 0);
        var p = probs.data<float>().ToArray();
        var order = Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).ToArray();
        double mass = 0, draw = _rng.NextDouble() * TopP;
        foreach (var i in order) { mass += p[i]; if (mass >= draw) return i; }
        return order[0];
    }
}

/// <summary>Yields generated tokens one at a time.</summary>
public sealed class TextGenerator : IEnumerable<string>
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly string[] _vocab;
    public TextGenerator(nn.Module<Tensor, Tensor> model, string[] vocab, TopPSampler sampler) => (_model, _vocab, Sampler) = (model, vocab, sampler);
    public TopPSampler Sampler { get; }

    public IEnumerator<string> GetEnumerator()
    {
        var context = new List<long> { 0 };
        while (true)
        {
            using var _ = no_grad();
            using var logits = _model.forward(tensor(context.ToArray()).unsqueeze(0));
            int next = Sampler.Next(logits[0, -1]);
            context.Add(next);
            yield return _vocab[next];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class LanguageModelTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset corpus, string[] vocab, int epochs)
    {
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);
        using var train = new EpochDataLoader(corpus, batchSize: 16, shuffle: true, seed: 8);
        var generator = new TextGenerator(model, vocab, new TopPSampler(0.9, seed: 8));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var logits = model.forward(batch["tokens"]);
                using var loss = nn.functional.cross_entropy(logits.flatten(0, 1), batch["targets"].flatten());
                loss.backward();
                optimizer.step();
            }

            // Cooler samples as training goes on.
            generator.Sampler.Temperature = Math.Max(0.7, 1.0 - 0.05 * epoch);
            Console.WriteLine($"epoch {epoch}: " + string.Join(" ", generator.Take(24)));
        }
    }
}
