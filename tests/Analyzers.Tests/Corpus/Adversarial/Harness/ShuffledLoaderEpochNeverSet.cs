// Scenario: a shuffling EpochDataLoader trained for several epochs without ever setting its epoch: a bug, every epoch replays epoch 0's order.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness;

public sealed class Classifier(int inputs, int classes)
{
    readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(inputs, 64), nn.ReLU(), nn.Linear(64, classes));

    public void Fit(InMemoryDataset data, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 7);
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
