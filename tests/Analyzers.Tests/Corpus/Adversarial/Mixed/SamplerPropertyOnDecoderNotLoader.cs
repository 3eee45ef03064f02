// Scenario: a tiny language model whose Decoder and GenerationConfig have properties named Sampler (a token sampler and a strategy name) but are not enumerable, so they are not loaders; token-by-token generation loops run inside the epoch loop, and the train loader (batch sampler over a RandomSampler) gets the whole-loader SetEpoch — correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Lm;

public sealed record GenerationConfig(string Sampler = "top-k", int TopK = 8, double Temperature = 0.9, int MaxNewTokens = 16);

/// <summary>Draws the next token from logits. Has Reseed and SetTemperature, no SetEpoch.</summary>
public sealed class TokenSampler
{
    private Random _rng;
    public TokenSampler(int seed) => _rng = new Random(seed);
    public double Temperature { get; private set; } = 1.0;
    public void SetTemperature(double t) => Temperature = Math.Max(1e-3, t);
    public void Reseed(int seed) => _rng = new Random(seed);

    public long Sample(float[] logits, int topK)
    {
        var top = logits.Select((l, i) => (l: l / Temperature, i)).OrderByDescending(p => p.l).Take(topK).ToArray();
        var max = top.Max(p => p.l);
        var weights = top.Select(p => Math.Exp(p.l - max)).ToArray();
        var r = _rng.NextDouble() * weights.Sum();
        for (int k = 0; k < weights.Length; k++)
        {
            r -= weights[k];
            if (r <= 0) return top[k].i;
        }
        return top[^1].i;
    }
}

public sealed class Decoder(nn.Module<Tensor, Tensor> model, GenerationConfig config)
{
    public TokenSampler Sampler { get; } = new TokenSampler(seed: 17);
    public GenerationConfig Config => config;

    public List<long> Generate(IReadOnlyList<long> prompt, int context)
    {
        var tokens = new List<long>(prompt);
        Sampler.SetTemperature(config.Temperature);
        for (int t = 0; t < config.MaxNewTokens; t++)
        {
            var window = tokens.Skip(Math.Max(0, tokens.Count - context)).ToArray();
            while (window.Length < context) window = window.Prepend(0L).ToArray();
            using var logits = model.forward(torch.tensor(window).unsqueeze(0));
            var next = config.Sampler switch
            {
                "greedy" => logits.argmax(-1).item<long>(),
                _ => Sampler.Sample(logits.squeeze(0).data<float>().ToArray(), config.TopK),
            };
            tokens.Add(next);
        }
        return tokens;
    }
}

public sealed class TinyLm : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _embed;
    private readonly Linear _out;

    public TinyLm(long vocab, long dim) : base(nameof(TinyLm))
    {
        _embed = nn.Embedding(vocab, dim);
        _out = nn.Linear(dim, vocab);
        RegisterComponents();
    }

    public override Tensor forward(Tensor context) => _out.forward(_embed.forward(context).sum(1));
}

public static class LmTraining
{
    public static void Run(long vocab = 64, int context = 6, int epochs = 4)
    {
        const long windows = 4096;
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randint(0, vocab, new long[] { windows, context }),
            ["label"] = torch.randint(0, vocab, new long[] { windows }),
        });
        var batches = new BatchSampler(new RandomSampler(windows, seed: 7), batchSize: 64, dropLast: true);
        var trainLoader = new EpochDataLoader(data, batchSampler: batches);

        var model = new TinyLm(vocab, 48);
        var optimizer = optim.Adam(model.parameters(), 1e-2);
        var config = new GenerationConfig(TopK: 5);
        var decoder = new Decoder(model, config);
        var prompts = new List<long[]> { new long[] { 1, 2, 3 }, new long[] { 9, 9 } };

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            trainLoader.SetEpoch(epoch);
            foreach (var batch in trainLoader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            decoder.Sampler.Reseed(epoch);
            foreach (var prompt in prompts)
            {
                var text = decoder.Generate(prompt, context);
                Console.WriteLine($"[{epoch}] {decoder.Config.Sampler}: {string.Join(' ', text)}");
            }
        }

        var greedy = new Decoder(model, config with { Sampler = "greedy" });
        Console.WriteLine(string.Join(' ', greedy.Generate(prompts[0], context)));
    }
}
