// Scenario: a mid-epoch resume loop iterates loader.IterateFrom(skip) of a shuffle:true loader every epoch but never sets its epoch: bug (every epoch, and the resumed one, replay epoch 0's order).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Resume;

public sealed record Checkpoint(int Epoch, long BatchInEpoch, string ModelPath);

public static class MidEpochResume
{
    public static void Continue(InMemoryDataset data, Checkpoint checkpoint, int maxEpochs)
    {
        var model = nn.Sequential(("fc1", nn.Linear(40, 80)), ("relu", nn.ReLU()), ("fc2", nn.Linear(80, 10)));
        model.load(checkpoint.ModelPath);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 314);

        for (int epoch = checkpoint.Epoch; epoch < maxEpochs; epoch++)
        {
            long skip = epoch == checkpoint.Epoch ? checkpoint.BatchInEpoch : 0;
            foreach (var batch in loader.IterateFrom(skip)) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            model.save($"resume/epoch{epoch}.bin");
        }
    }
}
