// Scenario: `sampler.SetEpoch(resume ? resumeEpoch : 0)` inside the epoch loop, both arms fixed for the whole loop (bug: CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004TernaryOverParameters;

public sealed class MetricLearning
{
    public void Fit(InMemoryDataset data, IReadOnlyList<long> labels, bool resume, int resumeEpoch, int epochs)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 77);
        using var loader = new EpochDataLoader(data, batchSampler: pk);
        var embed = nn.Linear(128, 64);
        var opt = optim.Adam(embed.parameters(), lr: 1e-4);

        for (int epoch = resume ? resumeEpoch : 0; epoch < epochs; epoch++)
        {
            pk.SetEpoch(resume ? resumeEpoch : 0); //! CMP004
            foreach (var batch in loader)
            {
                opt.zero_grad();
                using var z = nn.functional.normalize(embed.call(batch["data"]), dim: 1);
                using var loss = z.matmul(z.t()).mean();
                loss.backward();
                opt.step();
            }
        }
    }
}
