// Scenario: a TorchSharp-only trainer configured by a record rebuilds its shuffling DataLoader inside the epoch loop with seed: config.BaseSeed + epoch and disposes it in a finally block (right: a new seed every epoch, reproducible across runs).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut.Structure.TorchLoaderRebuiltPerEpochSeedFromEpoch;

public sealed record TorchRunConfig(int Epochs = 10, int BatchSize = 64, int BaseSeed = 1000, string Device = "cpu");

public sealed class TorchTrainer(TorchRunConfig config)
{
    public List<double> Fit(torch.utils.data.Dataset data, nn.Module<Tensor, Tensor> model)
    {
        var device = torch.device(config.Device);
        model.to(device);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var history = new List<double>();

        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            var loader = new DataLoader(data, config.BatchSize, shuffle: true, device: device,
                seed: config.BaseSeed + epoch, disposeDataset: false);
            try
            {
                double total = 0;
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                }
                history.Add(total / Math.Max(1, loader.Count));
            }
            finally
            {
                loader.Dispose();
            }
        }
        return history;
    }
}
