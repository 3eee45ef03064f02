using Composer.Data;
using Orbit.Vision.Pipelines;
using TorchSharp;
using static TorchSharp.torch;

namespace Orbit.Vision.Training;

public sealed class AugmentTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void Fit(InMemoryDataset images, int epochs)
    {
        var feeder = new AugmentPipeline.Feeder(images, new PatchSampler(images.Count, seed: 12), 64);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (batch, i) in feeder.Select((b, i) => (b, i)))
            {
                if (i == 0) feeder.BeginEpoch(epoch); //! CMP005
                Step(batch["image"], batch["label"]);
            }
        }
    }

    public void FitSemiSupervised(InMemoryDataset labeled, InMemoryDataset unlabeled, int epochs)
    {
        var main = new AugmentPipeline.Feeder(labeled, new RandomSampler(labeled.Count, seed: 1), 64);
        var aux = new AugmentPipeline.Feeder(unlabeled, new PatchSampler(unlabeled.Count, seed: 2), 64);
        var schedule = new OneCycle(optimizer, 0.1);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            main.BeginEpoch(epoch);
            schedule.BeginEpoch(epoch, epochs);
            foreach (var (x, u) in main.Zip(aux)) //! CMP002 on aux: only main's epoch is set
            {
                Step(x["image"], x["label"]);
                using var scope = NewDisposeScope();
                model.forward(u["image"]);
            }
        }
    }

    public void FitFrozenAugment(InMemoryDataset images, int epochs)
    {
        var patches = new PatchSampler(images.Count, seed: 8);
        var feeder = new AugmentPipeline.Feeder(images, patches, 32);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            patches.Advance(1); //! CMP004 Advance(long) is named in epoch_setters
            foreach (var batch in feeder) Step(batch["image"], batch["label"]);
        }
    }

    private void Step(Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(images), labels).backward();
        optimizer.step();
    }
}
