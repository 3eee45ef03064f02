// Scenario: two trainers log their shuffled loader in the constructor and never set its epoch: ImageNetTrainer only logs `_train.Count` (a read) — wrong, CMP002 on its iteration; CifarTrainer passes `_train` itself to Console.WriteLine — the page counts any loader a constructor hands to code not in view ("even Console.WriteLine(L)"), so no finding there by the contract, though at run time it replays one order too (relabelled 2026-12-07 after scoring: a static call such as Console.WriteLine no longer counts as wiring in a constructor, so CifarTrainer's iteration is CMP002 too)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.CtorLogsLoaderSize;

public sealed class ImageNetTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Flatten(), nn.Linear(3072, 512), nn.ReLU(), nn.Linear(512, 1000));

    public ImageNetTrainer(InMemoryDataset images)
    {
        _train = new EpochDataLoader(images, batchSize: 256, shuffle: true, seed: 0, dropLast: true);
        Console.WriteLine($"train loader: {_train.Count} batches of {_train.BatchSize}");
        System.Diagnostics.Debug.Assert(_train.Count > 0, nameof(_train) + " is empty");
    }

    public void Fit(int epochs)
    {
        using var optimizer = optim.SGD(_model.parameters(), learningRate: 0.1, momentum: 0.9, weight_decay: 1e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"], label_smoothing: 0.1);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}

public sealed class CifarTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Flatten(), nn.Linear(3072, 256), nn.ReLU(), nn.Linear(256, 10));

    public CifarTrainer(InMemoryDataset images)
    {
        _train = new EpochDataLoader(images, batchSize: 128, shuffle: true, seed: 1);
        Console.WriteLine(_train);
    }

    public void Fit(int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
