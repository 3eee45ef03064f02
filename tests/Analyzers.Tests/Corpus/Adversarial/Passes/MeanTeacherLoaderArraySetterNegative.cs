// Scenario: mean-teacher semi-supervised training in while (!converged) with a pass counter; the labeled and unlabeled loaders (one shuffle: true, one over a distributed batch sampler) are set through a loop over an array built from them before being zipped — right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.MeanTeacherLoaderArraySetterNegative;

public static class Program
{
    public static void Main()
    {
        using var labeledSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1_500, 40), ["label"] = randint(0, 6, new long[] { 1_500 }) });
        using var unlabeledSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(15_000, 40) });

        using var labeled = new EpochDataLoader(labeledSet, batchSize: 16, shuffle: true, dropLast: true, seed: 5);
        using var unlabeled = new EpochDataLoader(unlabeledSet,
            batchSampler: new BatchSampler(new DistributedSampler(unlabeledSet.Count, numReplicas: 1, rank: 0, seed: 6), 112, dropLast: true));
        var loaders = new[] { labeled, unlabeled };

        var student = nn.Sequential(("fc1", nn.Linear(40, 80)), ("act", nn.ReLU()), ("fc2", nn.Linear(80, 6)));
        var teacher = nn.Sequential(("fc1", nn.Linear(40, 80)), ("act", nn.ReLU()), ("fc2", nn.Linear(80, 6)));
        teacher.load_state_dict(student.state_dict());
        var optimizer = optim.Adam(student.parameters(), lr: 1e-3);

        int pass = 0;
        bool converged = false;
        double previous = double.MaxValue;
        while (!converged)
        {
            // reshuffle both streams
            foreach (var loader in loaders)
                loader.SetEpoch(pass);

            double total = 0;
            foreach (var (x, u) in labeled.Zip(unlabeled))
            {
                using var scope = NewDisposeScope();
                var supervised = nn.functional.cross_entropy(student.forward(x["data"]), x["label"]);
                Tensor target;
                using (no_grad()) target = nn.functional.softmax(teacher.forward(u["data"]), 1);
                var consistency = nn.functional.mse_loss(nn.functional.softmax(student.forward(u["data"] + 0.05f * randn_like(u["data"])), 1), target);
                var loss = supervised + 2.0f * consistency;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                using (no_grad())
                    foreach (var (t, s) in teacher.parameters().Zip(student.parameters()))
                        t.mul_(0.99).add_(s, alpha: 0.01);
                total += loss.item<float>();
            }

            pass++;
            converged = pass >= 120 || Math.Abs(previous - total) < 1e-3;
            previous = total;
        }
    }
}
