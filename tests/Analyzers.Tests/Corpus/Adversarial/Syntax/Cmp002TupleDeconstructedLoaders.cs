// Scenario: train and eval loaders built in one tuple deconstruction; the shuffling train loader is iterated every epoch without its epoch being set (bug: CMP002 on train only).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002TupleDeconstructedLoaders;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(2048, 16),
            ["label"] = randint(0, 4, 2048),
        });
        var model = nn.Linear(16, 4);
        var opt = optim.Adam(model.parameters(), lr: 1e-3);

        var (train, eval) = (
            new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 17),
            new EpochDataLoader(data, batchSize: 256));

        for (int epoch = 0; epoch < 10; epoch++)
        {
            model.train();
            foreach (var batch in train) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }

            model.eval();
            using (no_grad())
            {
                long correct = 0;
                foreach (var batch in eval)
                    correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                Console.WriteLine($"epoch {epoch}: {correct} / {data.Count}");
            }
        }
    }
}
