// Scenario: the loop sets the loader's next epoch (epoch + 1) after the foreach over it finishes, in the same pass (epoch 0 is the default): correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Ordering;

public sealed class TailSetTrainer(InMemoryDataset data)
{
    private readonly EpochDataLoader _loader = new(data, batchSize: 64, sampler: new RandomSampler(data.Count, seed: 1));

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            foreach (var batch in _loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            _loader.SetEpoch(epoch + 1);
            Console.WriteLine($"epoch {epoch}: {total / _loader.Count:F4}");
        }
    }
}
