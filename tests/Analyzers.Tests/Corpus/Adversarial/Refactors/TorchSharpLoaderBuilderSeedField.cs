// Scenario: a teammate wrapped TorchSharp's DataLoader in a fluent builder whose Build() passes shuffle: _shuffle and seed: _seed; a shuffling loader with a seed draws the same order at every enumeration, so every epoch repeats (wrong).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Speech.Data;

public sealed class TorchLoaderBuilder
{
    private readonly torch.utils.data.Dataset _dataset;
    private int _batchSize = 32;
    private bool _shuffle;
    private int? _seed;
    private Device? _device;
    private bool _dropLast;

    public TorchLoaderBuilder(torch.utils.data.Dataset dataset) => _dataset = dataset;

    public TorchLoaderBuilder BatchSize(int size) { _batchSize = size; return this; }
    public TorchLoaderBuilder Shuffled(int? seed = null) { _shuffle = true; _seed = seed; return this; }
    public TorchLoaderBuilder DropLast() { _dropLast = true; return this; }
    public TorchLoaderBuilder On(Device device) { _device = device; return this; }

    public DataLoader Build() =>
        new DataLoader(_dataset, _batchSize, shuffle: _shuffle, device: _device, seed: _seed, drop_last: _dropLast); //! CMP003
}

public static class KeywordSpotting
{
    public static void Train(nn.Module<Tensor, Tensor> model, torch.utils.data.Dataset clips, int epochs)
    {
        using var loader = new TorchLoaderBuilder(clips).BatchSize(64).Shuffled(seed: 42).DropLast().Build();
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
