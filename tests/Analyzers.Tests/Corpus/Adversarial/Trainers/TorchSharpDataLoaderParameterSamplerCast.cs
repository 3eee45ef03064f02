// Scenario: a helper receives a TorchSharp DataLoader built elsewhere with a DistributedSampler shuffler and casts loader.sampler to set the epoch: correct (no batch sampler exists on that type), even though its construction is not in view.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpOnly;

public sealed class TorchSharpLoop
{
    readonly nn.Module<Tensor, Tensor> _model;
    readonly optim.Optimizer _optimizer;

    public TorchSharpLoop(nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3, amsgrad: true);
    }

    public void Fit(DataLoader loader, int epochs, int firstEpoch = 0)
    {
        for (int epoch = firstEpoch; epoch < firstEpoch + epochs; epoch++)
        {
            ((DistributedSampler)loader.sampler).SetEpoch(epoch);

            var losses = new List<float>();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                losses.Add(loss.item<float>());
            }
            Console.WriteLine($"epoch {epoch}: median loss {losses.Order().ElementAtOrDefault(losses.Count / 2):F4}");
        }
    }
}
