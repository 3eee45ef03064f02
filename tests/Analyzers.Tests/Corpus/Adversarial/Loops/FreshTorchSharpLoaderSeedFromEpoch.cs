// Scenario: each epoch builds a TorchSharp DataLoader with shuffle: true and seed: seed + epoch inside the epoch loop, so the seed changes with the epoch: correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Experiments.TorchSharpLoaders;

public sealed class ReseedingTrainer(InMemoryDataset data, int seed)
{
    private readonly nn.Module<Tensor, Tensor> _model =
        nn.Sequential(("fc1", nn.Linear(10, 40)), ("relu", nn.ReLU()), ("fc2", nn.Linear(40, 2)));

    public void Train(int epochs)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-2);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = new DataLoader(data, 32, shuffle: true, seed: seed + epoch, disposeDataset: false);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: train accuracy {Accuracy():P2}");
        }
    }

    private double Accuracy()
    {
        using var _ = torch.no_grad();
        using var logits = _model.forward(data.Columns["data"]);
        using var hits = logits.argmax(1).eq(data.Columns["label"]);
        return hits.to_type(ScalarType.Float64).mean().item<double>();
    }
}
