// Scenario: two-stage knowledge distillation; the teacher stage sets the epoch before iterating (right), the student stage sets the transfer loader's epoch on the first batch, inside its own batch loop: one epoch late (CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Distillation;

public sealed class TwoStageDistiller(nn.Module<Tensor, Tensor> teacher, nn.Module<Tensor, Tensor> student, double temperature = 4.0)
{
    public void Fit(InMemoryDataset labelled, InMemoryDataset transferSet, int teacherEpochs, int studentEpochs)
    {
        using var train = new EpochDataLoader(labelled, batchSize: 128, shuffle: true, seed: 5);
        using var transfer = new EpochDataLoader(transferSet, batchSize: 256, shuffle: true, seed: 6);

        // Stage 1: teacher on the labelled data.
        using (var opt = optim.SGD(teacher.parameters(), 0.1, momentum: 0.9))
        {
            teacher.train();
            for (int epoch = 0; epoch < teacherEpochs; epoch++)
            {
                train.SetEpoch(epoch);
                foreach (var batch in train)
                {
                    opt.zero_grad();
                    using var loss = nn.functional.cross_entropy(teacher.call(batch["data"]), batch["label"]);
                    loss.backward();
                    opt.step();
                }
            }
        }

        // Stage 2: student matches the teacher's softened outputs on the transfer set.
        teacher.eval();
        student.train();
        using var studentOpt = optim.Adam(student.parameters(), 1e-3);
        for (int epoch = 0; epoch < studentEpochs; epoch++)
        {
            foreach (var (batch, step) in transfer.Select((b, i) => (b, i)))
            {
                if (step == 0) transfer.SetEpoch(teacherEpochs + epoch); //! CMP005

                Tensor soft;
                using (no_grad()) soft = nn.functional.softmax(teacher.call(batch["data"]) / temperature, 1);
                studentOpt.zero_grad();
                using var logp = nn.functional.log_softmax(student.call(batch["data"]) / temperature, 1);
                using var kd = nn.functional.kl_div(logp, soft, reduction: nn.Reduction.Sum) * (temperature * temperature / batch["data"].shape[0]);
                kd.backward();
                studentOpt.step();
                soft.Dispose();
            }
        }
    }
}
