// Scenario: a TorchSharp DataLoader gets shuffle from options (non-constant) and seed: options.Seed, then serves every epoch, so each enumeration reshuffles with the same seed: bug (the shuffle:false eval loader with a seed is fine).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Experiments.TorchSharpLoaders;

public sealed record LoaderOptions(int BatchSize = 64, bool Shuffle = true, int Seed = 42);

public sealed class OptionsDrivenTrainer : IDisposable
{
    private readonly DataLoader _train;
    private readonly DataLoader _eval;

    public OptionsDrivenTrainer(InMemoryDataset train, InMemoryDataset eval, LoaderOptions options)
    {
        _train = new DataLoader(train, options.BatchSize, shuffle: options.Shuffle, seed: options.Seed); //! CMP003
        _eval = new DataLoader(eval, 512, shuffle: false, seed: options.Seed);
    }

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            using (torch.no_grad())
            {
                double total = 0;
                foreach (var batch in _eval)
                    total += nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).item<float>();
                Console.WriteLine($"epoch {epoch}: eval loss {total / _eval.Count:F4}");
            }
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
    }
}
