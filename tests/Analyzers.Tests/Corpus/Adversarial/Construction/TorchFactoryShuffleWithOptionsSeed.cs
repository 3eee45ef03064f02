// Scenario: A Lightning-style module builds its train loader with the factory torch.utils.data.DataLoader(shuffle: true, seed: options.Seed), a seed fixed for the whole run (bug: CMP003); its eval loader passes the same seed with shuffle: false (fine).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Experiments.Lightning;

public sealed record RunOptions(int Seed = 7, int BatchSize = 128, int MaxEpochs = 10, double LearningRate = 3e-4);

public sealed class ClassifierModule(RunOptions options, InMemoryDataset trainSet, InMemoryDataset valSet)
{
    readonly nn.Module<Tensor, Tensor> _net = nn.Sequential(
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(784, 512)),
        ("gelu", nn.GELU()),
        ("drop", nn.Dropout(0.2)),
        ("fc2", nn.Linear(512, 10)));

    public DataLoader TrainDataLoader() =>
        torch.utils.data.DataLoader(trainSet, options.BatchSize, shuffle: true, seed: options.Seed, disposeDataset: false); //! CMP003

    public DataLoader ValDataLoader() =>
        torch.utils.data.DataLoader(valSet, options.BatchSize * 2, shuffle: false, seed: options.Seed, disposeDataset: false);

    public void Fit()
    {
        manual_seed(options.Seed);
        var optimizer = optim.AdamW(_net.parameters(), lr: options.LearningRate);
        using var train = TrainDataLoader();
        using var val = ValDataLoader();
        for (int epoch = 0; epoch < options.MaxEpochs; epoch++)
        {
            _net.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_net.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            _net.eval();
            double valLoss = 0;
            int batches = 0;
            using (no_grad())
            {
                foreach (var batch in val)
                {
                    using var scope = NewDisposeScope();
                    valLoss += nn.functional.cross_entropy(_net.forward(batch["data"]), batch["label"]).item<float>();
                    batches++;
                }
            }
            Console.WriteLine($"epoch {epoch} val_loss={valLoss / Math.Max(1, batches):F4}");
        }
    }
}
