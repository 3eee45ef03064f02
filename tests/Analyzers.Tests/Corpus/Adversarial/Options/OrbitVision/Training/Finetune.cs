using Composer.Data;
using Orbit.Vision.Pipelines;
using TorchSharp;
using static TorchSharp.torch;

namespace Orbit.Vision.Training;

public static class Finetune
{
    public static void Run(nn.Module<Tensor, Tensor> model, InMemoryDataset images, InMemoryDataset holdout, int epochs)
    {
        var patches = new PatchSampler(images.Count, seed: 4);
        var feeder = new AugmentPipeline.Feeder(images, patches, 64);
        var prebuilt = AugmentPipeline.Build(holdout, seed: 9); // made by a factory: its order is not in view
        var schedule = new OneCycle(optim.SGD(model.parameters(), 0.05), 0.05);
        for (long epoch = 0; epoch < epochs; epoch++)
        {
            patches.Advance(epoch);
            schedule.BeginEpoch(0, epochs); // OneCycle.BeginEpoch has two parameters: not an epoch setter
            foreach (var batch in feeder)
            {
                using var scope = NewDisposeScope();
                model.forward(batch["image"]);
            }
            foreach (var batch in prebuilt.Take(4))
            {
                using var scope = NewDisposeScope();
                model.forward(batch["image"]);
            }
        }
    }

    public static void RunTorchSharp(nn.Module<Tensor, Tensor> model, InMemoryDataset images, int epochs)
    {
        using var loader = new TorchSharp.Modules.DataLoader(images, 64, new RandomSampler(images.Count, seed: 6), disposeDataset: false);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                model.forward(batch["image"]);
            }
        }
    }
}
