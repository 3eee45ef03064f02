// Scenario: the epoch loop calls a local function RunEpoch(epoch) that sets the received loader's Sampler epoch and then iterates it: Composer's bug moved into a local function.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LocalFunctions;

public static class Loop
{
    public static List<float> Train(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.95);
        var losses = new List<float>();

        for (int epoch = 0; epoch < epochs; epoch++)
            losses.Add(RunEpoch(epoch));

        return losses;

        float RunEpoch(int epoch)
        {
            if (loader.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001

            float total = 0;
            int batches = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                batches++;
            }
            return batches == 0 ? 0 : total / batches;
        }
    }
}
