// Scenario: how DataModule.Train was built is in another file, so it may draw from a batch sampler (it does): setting
// its sampler's epoch alone is Composer's bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.SplitProject;

public sealed class Trainer(DataModule data, nn.Module<Tensor, Tensor> model)
{
    public void Fit(int epochs)
    {
        var optimizer = optim.SGD(model.parameters(), 0.1);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (data.Train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001
            foreach (var batch in data.Train)
            {
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }
        }
    }
}
