// Scenario: domain adaptation cycles the shorter target loader inside the source loop: when the target enumerator runs out, it bumps a round counter, sets the TARGET loader's epoch and restarts it. Right: `src.Loader` and `tgt.Loader` are two objects, each made by its own creation (relabelled 2026-12-06; it was a documented limit that read the setter as the source loader's, inside its iteration, CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.DomainAdaptationCycleTargetLoader;

public sealed class Domain : IDisposable
{
    public Domain(InMemoryDataset data, int batchSize, int seed) =>
        Loader = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, dropLast: true, seed: seed);

    public EpochDataLoader Loader { get; }

    public void Dispose() => Loader.Dispose();
}

public static class CycledTargetTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, nn.Module<Tensor, Tensor> critic, InMemoryDataset source, InMemoryDataset target, int epochs)
    {
        using var src = new Domain(source, 32, seed: 10);
        using var tgt = new Domain(target, 32, seed: 20);
        var optimizer = optim.Adam(model.parameters().Concat(critic.parameters()), 2e-4);
        int targetRound = 0;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            src.Loader.SetEpoch(epoch);
            tgt.Loader.SetEpoch(targetRound);
            var targetBatches = tgt.Loader.GetEnumerator();
            foreach (var s in src.Loader)
            {
                if (!targetBatches.MoveNext())
                {
                    targetBatches.Dispose();
                    tgt.Loader.SetEpoch(++targetRound);
                    targetBatches = tgt.Loader.GetEnumerator();
                    targetBatches.MoveNext();
                }
                var t = targetBatches.Current;
                optimizer.zero_grad();
                using var supervised = nn.functional.cross_entropy(model.forward(s["x"]), s["y"]);
                using var gap = critic.forward(model.forward(s["x"])).mean() - critic.forward(model.forward(t["x"])).mean();
                using var loss = supervised + 0.1 * gap;
                loss.backward();
                optimizer.step();
            }
            targetBatches.Dispose();
            targetRound++;
        }
    }
}
