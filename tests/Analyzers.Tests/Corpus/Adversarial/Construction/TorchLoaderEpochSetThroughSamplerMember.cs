// Scenario: A distillation loop sets the epoch through TorchSharp loaders' own sampler member ("is IEpochAware" and "as IEpochAware ?."); TorchSharp's DataLoader has no batch sampler, so setting its sampler is right (negative, never CMP001).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillation;

public sealed class Distiller(nn.Module<Tensor, Tensor> teacher, nn.Module<Tensor, Tensor> student, double temperature = 4.0)
{
    public void Run(InMemoryDataset labeled, InMemoryDataset unlabeled, int epochs, Device device)
    {
        using var labeledLoader = new DataLoader(labeled, 64, new RandomSampler(labeled.Count, seed: 3), device, disposeDataset: false);
        using var unlabeledLoader = new DataLoader(unlabeled, 256, new DistributedSampler(unlabeled.Count, seed: 4), device, disposeDataset: false);
        var optimizer = optim.Adam(student.parameters(), lr: 1e-3);
        teacher.eval();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (labeledLoader.sampler is IEpochAware labeledSampler) labeledSampler.SetEpoch(epoch);
            (unlabeledLoader.sampler as IEpochAware)?.SetEpoch(epoch);

            student.train();
            foreach (var batch in labeledLoader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(student.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            foreach (var batch in unlabeledLoader)
            {
                using var scope = NewDisposeScope();
                Tensor soft;
                using (no_grad()) soft = nn.functional.softmax(teacher.forward(batch["data"]) / temperature, 1);
                optimizer.zero_grad();
                var logProbs = nn.functional.log_softmax(student.forward(batch["data"]) / temperature, 1);
                var loss = nn.functional.kl_div(logProbs, soft, reduction: nn.Reduction.Mean) * (temperature * temperature);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
