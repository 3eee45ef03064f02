// Scenario: TorchSharp loaders used across epochs without a fixed shuffled order: shuffle with no seed, shuffle with seed: null, a fixed seed with shuffle: false (positional too), and a RandomSampler shuffler whose epoch Epochs.SetEpoch sets: no diagnostics.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baselines;

public sealed class PatchSet(Tensor patches) : torch.utils.data.Dataset<Tensor>
{
    public override long Count => patches.shape[0];
    public override Tensor GetTensor(long index) => patches[index];
}

public static class BaselineRuns
{
    public static void Run(InMemoryDataset train, InMemoryDataset val, Tensor patches, int epochs, int seed)
    {
        var byShuffle = new DataLoader(train, 128, shuffle: true, disposeDataset: false);
        var byFactory = torch.utils.data.DataLoader(train, 256, true, seed: null, disposeDataset: false);
        var fixedVal = new DataLoader(val, 64, shuffle: false, seed: 42, disposeDataset: false);
        var patchLoader = new DataLoader<Tensor, Tensor>(new PatchSet(patches), 16, (xs, d) => stack(xs.ToArray()).to(d), false, null, seed);
        var sampled = new DataLoader(train, 64, new RandomSampler(train.Count, seed: seed), disposeDataset: false);

        var model = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 10)));
        var autoencoder = nn.Sequential(("enc", nn.Linear(64, 16)), ("act", nn.ReLU()), ("dec", nn.Linear(16, 64)));
        var opt = optim.SGD(model.parameters(), 0.05);
        var aeOpt = optim.Adam(autoencoder.parameters());

        void Step(Dictionary<string, Tensor> batch)
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
            opt.step();
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(sampled, epoch);
            foreach (var batch in byShuffle) Step(batch);
            foreach (var batch in byFactory) Step(batch);
            foreach (var batch in sampled) Step(batch);

            foreach (var patch in patchLoader)
            {
                using var scope = NewDisposeScope();
                aeOpt.zero_grad();
                var flat = patch.flatten(1);
                nn.functional.mse_loss(autoencoder.forward(flat), flat).backward();
                aeOpt.step();
            }

            using (no_grad())
            {
                var correct = fixedVal.Sum(b => model.forward(b["data"]).argmax(1).eq(b["label"]).sum().item<long>());
                Console.WriteLine($"epoch {epoch}: val accuracy {correct / (double)val.Count:P2}");
            }
        }
    }
}
