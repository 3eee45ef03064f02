// Scenario: a Windows-authored file (CRLF line endings, no `using Composer.Data;`) builds a TorchSharp loader over a data set read in place, `new DataLoader(ReadParquet(path), 128, shuffle: true, seed: 11)`, and iterates it every epoch: wrong - CMP003. The fix stores the data set in a local, shuffles with a RandomSampler, sets its epoch in the loop and adds the `using`, all with CRLF line endings.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam21.CrlfTorchLoaderDataSetReadInPlace;

public static class Program
{
    static Composer.Data.InMemoryDataset ReadParquet(string path) =>
        new(new Dictionary<string, Tensor> { ["data"] = randn(path.Length * 64, 4), ["label"] = randint(0, 2, path.Length * 64) });

    public static void Main()
    {
        const string path = "train.parquet";
        using var train = new DataLoader(ReadParquet(path), 128, shuffle: true, seed: 11); //! CMP003
        var model = nn.Linear(4, 2);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
