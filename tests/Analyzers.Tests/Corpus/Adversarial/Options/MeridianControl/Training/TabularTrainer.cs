using Composer.Data;
using Meridian.Control.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Meridian.Control.Training;

public sealed class TabularTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void FitBlocks(InMemoryDataset table, int epochs)
    {
        // Without composer_analyzers options, BlockFeeder is not a loader and StartEpoch is not a setter.
        var feeder = new BlockFeeder(table, new BlockOrder(table.Count, seed: 4), 512);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            feeder.StartEpoch(0);
            foreach (var batch in feeder) Step(batch);
        }
    }

    public void FitTiles(InMemoryDataset table, int epochs)
    {
        // TileLoader is recognised by its Sampler member, but BlockOrder has no SetEpoch: its order does not depend on the epoch.
        var tiles = new TileLoader(table, new BlockOrder(table.Count, seed: 5));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in tiles) Step(batch);
        }
    }

    public void FitTilesStale(InMemoryDataset table, int epochs)
    {
        var tiles = new TileLoader(table, new BlockOrder(table.Count, seed: 6));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(tiles, 0); //! CMP004 TileLoader is a loader (Sampler member), so this loop is an epoch loop
            tiles.Sampler.Reshuffle(epoch);
            foreach (var batch in tiles) Step(batch);
        }
    }

    public void FitComposer(InMemoryDataset table, int epochs)
    {
        var train = new EpochDataLoader(table, batchSize: 256, shuffle: true, seed: 42);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in train) Step(batch); //! CMP002
        }
    }

    public void FitTorchSharp(InMemoryDataset table, int epochs)
    {
        using var loader = new TorchSharp.Modules.DataLoader(table, 256, shuffle: true, seed: 42, disposeDataset: false); //! CMP003
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) Step(batch);
        }
    }

    private void Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.mse_loss(model.forward(batch["features"]), batch["target"]).backward();
        optimizer.step();
    }
}
