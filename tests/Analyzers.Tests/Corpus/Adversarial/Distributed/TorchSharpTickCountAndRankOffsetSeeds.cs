// Scenario: TorchSharp loaders built once before the epoch loop with shuffle and a seed taken from Environment.TickCount (fixed for the loader's life) and, via the factory with positional arguments, 42 + Dist.Rank: both replay one order every epoch (CMP003 twice).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MultiTask;

public static class TwoHeadTraining
{
    public static void Run(FashionMnist images, InMemoryDataset tabular, int epochs)
    {
        var imageLoader = new DataLoader(images, 64, shuffle: true, seed: Environment.TickCount, disposeDataset: false); //! CMP003
        var tableLoader = torch.utils.data.DataLoader(tabular, 32, true, null, 42 + Dist.Rank); //! CMP003

        var trunk = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 128)), ("act", nn.ReLU()));
        var imageHead = nn.Linear(128, 10);
        var tableNet = nn.Sequential(("fc1", nn.Linear(tabular.Columns["data"].shape[1], 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 2)));
        var all = nn.ModuleList(trunk, imageHead, tableNet);
        var opt = optim.Adam(all.parameters(), lr: 1e-3);
        using var reducer = new GradientAllReducer(all);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var tables = tableLoader.GetEnumerator();
            foreach (var batch in imageLoader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = nn.functional.cross_entropy(imageHead.forward(trunk.forward(batch["data"])), batch["label"]);
                if (tables.MoveNext())
                    loss += 0.5f * nn.functional.cross_entropy(tableNet.forward(tables.Current["data"]), tables.Current["label"]);
                loss.backward();
                reducer.AverageGradients();
                opt.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} finished");
        }
    }
}
