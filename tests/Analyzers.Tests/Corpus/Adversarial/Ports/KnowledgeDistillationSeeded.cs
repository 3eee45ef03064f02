// Scenario: knowledge distillation ported with TorchSharp loaders made reproducible by seeding them: a factory helper passes `shuffle: train, seed: seed` and the transfer-set loader uses the positional factory with seed 1234, so every epoch replays the same order — wrong (CMP003 on both creations).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut.Ports.KnowledgeDistillationSeeded;

public static class SeededDistillation
{
    private static DataLoader MakeLoader(torch.utils.data.Dataset data, int batchSize, bool train, int seed) =>
        new DataLoader(data, batchSize, shuffle: train, seed: seed, drop_last: train); //! CMP003

    public static void Distill(nn.Module<Tensor, Tensor> teacher, nn.Module<Tensor, Tensor> student,
        torch.utils.data.Dataset labeledSet, torch.utils.data.Dataset transferSet, int epochs, int seed)
    {
        torch.manual_seed(seed);
        using var labeled = MakeLoader(labeledSet, 128, train: true, seed: seed);
        using var transfer = torch.utils.data.DataLoader(transferSet, 64, true, null, 1234); //! CMP003
        var optimizer = optim.Adam(student.parameters(), 1e-3);
        teacher.eval();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            student.train();
            double hardLoss = 0, softLoss = 0;

            foreach (var batch in labeled)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(student.call(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                hardLoss += loss.item<float>();
            }

            foreach (var batch in transfer)
            {
                using var scope = NewDisposeScope();
                Tensor targets;
                using (no_grad()) targets = nn.functional.softmax(teacher.call(batch["data"]) / 3.0, 1);
                var logProbs = nn.functional.log_softmax(student.call(batch["data"]) / 3.0, 1);
                var loss = -(targets * logProbs).sum(1).mean() * 9.0;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                softLoss += loss.item<float>();
            }

            Console.WriteLine($"epoch {epoch}: hard {hardLoss / labeled.Count:F4}, soft {softLoss / transfer.Count:F4}");
        }
    }
}
