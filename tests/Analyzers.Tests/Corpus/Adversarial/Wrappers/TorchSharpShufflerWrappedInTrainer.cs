// Scenario: a tabular trainer wraps TorchSharp DataLoaders: train shuffles through an epoch-aware RandomSampler and gets Epochs.SetEpoch every epoch, validation has a seed but shuffle: false, the probe loader shuffles without a seed: correct (no CMP003, no CMP002).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Wrappers.TorchSharpShuffler;

public sealed class TabularTrainer : IDisposable
{
    private readonly DataLoader _train;
    private readonly DataLoader _valid;
    private readonly DataLoader _probe;
    private readonly nn.Module<Tensor, Tensor> _model;

    public TabularTrainer(InMemoryDataset train, InMemoryDataset valid, nn.Module<Tensor, Tensor> model)
    {
        _train = new DataLoader(train, 64, new RandomSampler(train.Count, seed: 42), disposeDataset: false);
        _valid = new DataLoader(valid, 256, shuffle: false, seed: 42, disposeDataset: false);
        _probe = torch.utils.data.DataLoader(valid, 8, shuffle: true, disposeDataset: false);
        _model = model;
    }

    private static IEnumerable<Dictionary<string, Tensor>> Logged(IEnumerable<Dictionary<string, Tensor>> batches, int epoch)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int n = 0;
        foreach (var batch in batches)
        {
            n++;
            yield return batch;
        }
        Console.WriteLine($"epoch {epoch}: {n} batches in {watch.Elapsed.TotalSeconds:F1}s");
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_model.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(_train, epoch);
            foreach (var batch in Logged(_train, epoch))
            {
                optimizer.zero_grad();
                nn.functional.mse_loss(_model.call(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            using (no_grad())
            {
                double loss = 0;
                foreach (var batch in _valid)
                    loss += nn.functional.mse_loss(_model.call(batch["data"]), batch["label"]).item<float>();
                var sample = _probe.First();
                Console.WriteLine($"valid {loss:F4}, probe prediction {_model.call(sample["data"])[0].ToSingle():F3}");
            }
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _valid.Dispose();
        _probe.Dispose();
    }
}
