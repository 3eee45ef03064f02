// Scenario: knowledge distillation; a one-off calibration batch (train.First() outside any loop), student epochs that set the loader's epoch, teacher logits per batch, validation every 2 epochs on a non-shuffling loader; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Scripts.Distill;

public static class Distillation
{
    public static void Run(InMemoryDataset trainSet, InMemoryDataset valSet, nn.Module<Tensor, Tensor> teacher, int epochs = 20)
    {
        const double temperature = 4.0, alpha = 0.7;
        using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 5, dropLast: true);
        using var val = new EpochDataLoader(valSet, batchSize: 512, shuffle: false);

        var student = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10));
        var opt = optim.Adam(student.parameters(), lr: 1e-3);
        teacher.eval();

        // Sanity check on one batch before spending hours: teacher and student output shapes agree.
        var calib = train.First();
        using (no_grad())
        {
            var t = teacher.call(calib["data"]);
            var s = student.call(calib["data"]);
            if (!t.shape.SequenceEqual(s.shape)) throw new InvalidOperationException("teacher/student head mismatch");
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            student.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                Tensor softTargets;
                using (no_grad()) softTargets = nn.functional.softmax(teacher.call(batch["data"]) / temperature, 1);
                var logits = student.call(batch["data"]);
                var kd = nn.functional.kl_div(nn.functional.log_softmax(logits / temperature, 1), softTargets, reduction: nn.Reduction.Mean)
                         * (temperature * temperature);
                var ce = nn.functional.cross_entropy(logits, batch["label"]);
                var loss = alpha * kd + (1 - alpha) * ce;
                opt.zero_grad();
                loss.backward();
                opt.step();
            }

            if (epoch % 2 == 1)
                Console.WriteLine($"epoch {epoch}: student acc {Accuracy(student, val):P2}, teacher acc {Accuracy(teacher, val):P2}");
        }
    }

    static double Accuracy(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        long hit = 0, total = 0;
        using var _ = no_grad();
        foreach (var batch in loader)
        {
            hit += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().ToInt64();
            total += batch["label"].shape[0];
        }
        return (double)hit / total;
    }
}
