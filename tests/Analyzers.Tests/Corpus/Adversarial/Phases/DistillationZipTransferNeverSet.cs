// Scenario: warm-up stage on labelled data, then a distillation stage that zips the labelled loader with a shuffled unlabelled transfer loader; only the labelled loader's epoch is set in either stage, the transfer loader's never: wrong (CMP002 on the Zip argument).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Distillation;

public static class NoisyStudent
{
    public static void Train(
        nn.Module<Tensor, Tensor> teacher, nn.Module<Tensor, Tensor> student,
        InMemoryDataset labelled, InMemoryDataset unlabelled, int warmupEpochs, int distillEpochs, float alpha = 0.5f)
    {
        using var train = new EpochDataLoader(labelled, batchSize: 64, shuffle: true, seed: 17, dropLast: true);
        using var transfer = new EpochDataLoader(unlabelled, batchSize: 192, shuffle: true, seed: 18, dropLast: true);
        using var optimizer = optim.AdamW(student.parameters(), 5e-4, weight_decay: 0.05);

        // Stage A: supervised warm-up of the student.
        for (int epoch = 0; epoch < warmupEpochs; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(student.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }

        // Stage B: supervised loss plus distillation from the frozen teacher.
        teacher.eval();
        for (int epoch = 0; epoch < distillEpochs; epoch++)
        {
            train.SetEpoch(warmupEpochs + epoch);
            foreach (var (sup, unsup) in train.Zip(transfer)) //! CMP002
            {
                optimizer.zero_grad();
                Tensor target;
                using (no_grad()) target = nn.functional.softmax(teacher.call(unsup["data"]), 1);
                using var ce = nn.functional.cross_entropy(student.call(sup["data"]), sup["label"]);
                using var kd = nn.functional.cross_entropy(student.call(unsup["data"]), target);
                using var loss = alpha * ce + (1 - alpha) * kd;
                loss.backward();
                optimizer.step();
                target.Dispose();
            }
        }
    }
}
