// Scenario: the epoch loop invokes a local function that iterates a local shuffle: true loader whose epoch nobody sets (bug), and a lambda that evaluates on an unshuffled loader (fine).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LocalFunctions.Shuffle;

public static class Loop
{
    public static void Train(InMemoryDataset trainData, InMemoryDataset validData, nn.Module<Tensor, Tensor> model, int epochs)
    {
        using var train = new EpochDataLoader(trainData, batchSize: 32, shuffle: true, seed: 6);
        using var valid = new EpochDataLoader(validData, batchSize: 256);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        Func<double> evaluate = () =>
        {
            using var _ = no_grad();
            return valid.Select(b => nn.functional.cross_entropy(model.forward(b["data"]), b["label"]).item<float>()).Average();
        };

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            TrainOneEpoch();
            Console.WriteLine($"epoch {epoch}: validation loss {evaluate():F4}");
        }

        void TrainOneEpoch()
        {
            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            model.eval();
        }
    }
}
