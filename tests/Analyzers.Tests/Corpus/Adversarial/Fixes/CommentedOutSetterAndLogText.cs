// Scenario: the only mentions of the epoch setter are a commented-out `train.SetEpoch(epoch);` and a log message that says "call SetEpoch(epoch)"; the fine-tuning replay of epoch 0 below is suppressed with #pragma on purpose: wrong in the main loop (nothing sets the shuffling loader's epoch) - CMP002; the suppressed CMP004 is not reported.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.CommentedOutSetterAndLogText;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(700, 9), ["label"] = randint(0, 3, 700) });
        using var train = new EpochDataLoader(data, batchSize: 35, shuffle: true, seed: 19);
        var model = nn.Sequential(nn.Linear(9, 27), nn.ReLU(), nn.Linear(27, 3));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        void Step(Dictionary<string, Tensor> batch)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        for (int epoch = 0; epoch < 12; epoch++)
        {
            // train.SetEpoch(epoch);   // disabled while debugging the data pipeline
            Console.WriteLine($"epoch {epoch}: remember to call SetEpoch(epoch) before iterating");
            foreach (var batch in train) //! CMP002
                Step(batch);
        }

        // Fine-tuning deliberately replays epoch 0's order, to compare against the first epoch.
        for (int round = 0; round < 2; round++)
        {
#pragma warning disable CMP004 // replaying epoch 0 on purpose
            train.SetEpoch(0);
#pragma warning restore CMP004
            foreach (var batch in train)
                Step(batch);
        }
    }
}
