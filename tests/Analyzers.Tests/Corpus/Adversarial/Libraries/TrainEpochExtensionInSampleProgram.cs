// Scenario: a sample program calls the library's TrainEpoch extension method on a shuffled loader once per epoch, but nothing sets the loader's epoch (wrong)
using Composer.Data;
using TorchSharp;
using TrainKit;
using static TorchSharp.torch;

var features = randn(2048, 20);
var labels = randint(0, 3, 2048);
using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = labels });
using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 17);

var model = nn.Sequential(("fc1", nn.Linear(20, 64)), ("act", nn.GELU()), ("fc2", nn.Linear(64, 3)));
using var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

for (int epoch = 0; epoch < 8; epoch++)
{
    var loss = train.TrainEpoch(model, optimizer); //! CMP002
    Console.WriteLine($"epoch {epoch}: {loss:F4}");
}

namespace TrainKit
{
    public static class BatchExtensions
    {
        /// <summary>
        /// Runs one optimisation pass over <paramref name="batches"/> and returns the mean loss.
        /// The caller decides the order: set the loader's epoch before calling this.
        /// </summary>
        public static double TrainEpoch(this IEnumerable<Dictionary<string, Tensor>> batches,
            nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
        {
            model.train();
            double sum = 0;
            int n = 0;
            foreach (var batch in batches)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }
    }
}
