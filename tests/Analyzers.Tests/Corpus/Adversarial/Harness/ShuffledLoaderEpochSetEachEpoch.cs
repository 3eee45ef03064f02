// Scenario: the same shuffling loader, with Epochs.SetEpoch called at the top of every epoch: right, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness;

public static class Training
{
    public static float Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        float last = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                last = loss.item<float>();
            }
        }
        return last;
    }
}
