// Scenario: continual learning with EWC; a field loader is rebuilt per task (shuffle: true) and a RunEpoch() helper iterates it once per call, but no epoch is ever set in the task's epoch loop: wrong (CMP002 at the RunEpoch() call).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Continual;

public sealed class EwcLearner
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly List<(Tensor Anchor, Tensor Fisher)> _penalties = new();
    private readonly float _lambda;
    private EpochDataLoader _loader;

    public EwcLearner(nn.Module<Tensor, Tensor> model, float lambda = 100f)
    {
        _model = model;
        _lambda = lambda;
        _optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
    }

    public void Fit(IReadOnlyList<InMemoryDataset> tasks, int epochsPerTask)
    {
        for (int task = 0; task < tasks.Count; task++)
        {
            BeginTask(tasks[task]);
            for (int epoch = 0; epoch < epochsPerTask; epoch++)
            {
                double loss = RunEpoch(); //! CMP002
                Console.WriteLine($"task {task} epoch {epoch}: {loss:F4}");
            }
            Consolidate();
            _loader.Dispose();
        }
    }

    private void BeginTask(InMemoryDataset taskData)
    {
        _loader = new EpochDataLoader(taskData, batchSize: 64, shuffle: true, seed: 21);
    }

    private double RunEpoch()
    {
        _model.train();
        double total = 0;
        int batches = 0;
        foreach (var batch in _loader)
        {
            _optimizer.zero_grad();
            using var ce = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
            using var loss = ce + _lambda * Penalty();
            loss.backward();
            _optimizer.step();
            total += loss.item<float>();
            batches++;
        }
        return total / Math.Max(1, batches);
    }

    private Tensor Penalty()
    {
        var flat = cat(_model.parameters().Select(p => p.flatten()).ToArray(), 0);
        var sum = zeros(1);
        foreach (var (anchor, fisher) in _penalties)
            sum = sum + (fisher * (flat - anchor).pow(2)).sum();
        return sum;
    }

    private void Consolidate()
    {
        using var noGrad = no_grad();
        var flat = cat(_model.parameters().Select(p => p.flatten()).ToArray(), 0).detach().clone();
        _penalties.Add((flat, ones_like(flat) * 0.1f)); // diagonal Fisher approximated by a constant here
    }
}
