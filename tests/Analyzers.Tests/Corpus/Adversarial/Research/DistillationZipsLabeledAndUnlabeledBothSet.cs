// Scenario: semi-supervised distillation zipping a labeled and an unlabeled shuffling loader; both get the epoch through a foreach over an array of the two before the zip — right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Distill;

public static class SemiSupervisedKd
{
    public static void Main()
    {
        const int epochs = 25;
        const double T = 3.0;
        Reproducibility.SeedAll(5);

        using var full = new FashionMnist(train: true);
        // keep 2k labeled examples, treat the rest as unlabeled transfer data
        var perm = randperm(full.Count);
        var labeledIdx = perm[..2000];
        var unlabeledIdx = perm[2000..];
        using var labeledSet = Subset(full, labeledIdx);
        using var unlabeledSet = Subset(full, unlabeledIdx);

        var labeled = new EpochDataLoader(labeledSet, batchSize: 32, shuffle: true, seed: 5);
        var unlabeled = new EpochDataLoader(unlabeledSet, batchSize: 224, shuffle: true, seed: 6, dropLast: true);

        var teacher = Sequential(("flat", Flatten()), ("fc1", Linear(784, 1024)), ("relu", ReLU()), ("fc2", Linear(1024, 10)));
        teacher.load("teacher_fmnist.bin");
        teacher.eval();

        var student = Sequential(("flat", Flatten()), ("fc1", Linear(784, 128)), ("relu", ReLU()), ("fc2", Linear(128, 10)));
        var opt = optim.Adam(student.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var loader in new[] { labeled, unlabeled })
                loader.SetEpoch(epoch);

            student.train();
            double ceSum = 0, kdSum = 0;
            int steps = 0;
            // the labeled set is much smaller, so Zip stops when it runs out: one pass over it per epoch
            foreach (var (lab, unl) in labeled.Zip(unlabeled))
            {
                using var scope = NewDisposeScope();
                var ce = functional.cross_entropy(student.forward(lab["data"]), lab["label"]);

                Tensor target;
                using (no_grad()) target = functional.softmax(teacher.forward(unl["data"]) / T, 1);
                var kd = functional.kl_div(functional.log_softmax(student.forward(unl["data"]) / T, 1), target,
                    reduction: Reduction.Mean) * (T * T);

                var loss = ce + kd;
                opt.zero_grad();
                loss.backward();
                opt.step();
                ceSum += ce.item<float>();
                kdSum += kd.item<float>();
                steps++;
            }
            Console.WriteLine($"epoch {epoch,2}: ce {ceSum / steps:F4} kd {kdSum / steps:F4} ({steps} steps)");
        }

        student.save("student_kd.bin");
    }

    static InMemoryDataset Subset(InMemoryDataset source, Tensor index) =>
        new(source.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, index)));
}
