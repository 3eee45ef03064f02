// Scenario: a fine-tuning helper accepts an optional sampler and falls back to a shuffling DistributedSampler (`custom ?? new DistributedSampler(...)`), then trains several epochs without setting the epoch. Wrong when the fallback is used (CMP002 on the foreach).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.InjectedSamplerCoalesce;

public sealed class FineTuner
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly int _worldSize;
    private readonly int _rank;

    public FineTuner(nn.Module<Tensor, Tensor> model, int worldSize, int rank)
    {
        _model = model;
        _worldSize = worldSize;
        _rank = rank;
    }

    public void Tune(InMemoryDataset data, int epochs, int batchSize, ISampler? custom = null)
    {
        ISampler sampler = custom ?? new DistributedSampler(data.Count, numReplicas: _worldSize, rank: _rank, seed: 1234);
        using var loader = new EpochDataLoader(data, batchSize: batchSize, sampler: sampler, dropLast: true);
        var optimizer = optim.AdamW(_model.parameters(), 2e-5, weight_decay: 0.01);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            double running = 0;
            int steps = 0;
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                using var logits = _model.forward(batch["input"]);
                using var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();
                running += loss.item<float>();
                steps++;
            }
            if (_rank == 0) Console.WriteLine($"epoch {epoch}: {running / Math.Max(steps, 1):F4}");
        }
    }
}
