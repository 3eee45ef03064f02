// Scenario: a reshuffle action is stored in a local before the loop, but the loop calls it from inside the batch loop on the first step (the epoch reaches the sampler one enumeration late, so epochs 0 and 1 share one order) — wrong, CMP005 on the setter inside the stored lambda
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.StoredLambdaInsideBatchLoop;

public static class DistillationLoop
{
    public static void Distill(InMemoryDataset data, nn.Module<Tensor, Tensor> teacher, nn.Module<Tensor, Tensor> student, int epochs)
    {
        var shard = new DistributedSampler(data.Count, seed: 4);
        using var loader = new EpochDataLoader(data, batchSize: 64, sampler: shard);
        using var optimizer = optim.Adam(student.parameters(), lr: 5e-4);
        const double temperature = 4.0;

        Action<int> reshuffle = e => loader.SetEpoch(e); //! CMP005
        Action<int, long> logStep = (e, step) => { if (step % 100 == 0) Console.WriteLine($"epoch {e} step {step}"); };

        teacher.eval();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long step = 0;
            foreach (var batch in loader)
            {
                if (step == 0) reshuffle(epoch); // "on_train_batch_start" of the first batch
                using var scope = torch.NewDisposeScope();
                Tensor soft;
                using (torch.no_grad())
                    soft = nn.functional.softmax(teacher.forward(batch["data"]) / temperature, 1);
                var logStudent = nn.functional.log_softmax(student.forward(batch["data"]) / temperature, 1);
                var loss = nn.functional.kl_div(logStudent, soft, reduction: nn.Reduction.Mean) * (temperature * temperature);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                logStep(epoch, step++);
            }
        }
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(3200, 32),
            ["label"] = torch.randint(0, 10, 3200, dtype: ScalarType.Int64),
        });
        Distill(data, nn.Sequential(nn.Linear(32, 256), nn.ReLU(), nn.Linear(256, 10)),
            nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 10)), epochs: 5);
    }
}
