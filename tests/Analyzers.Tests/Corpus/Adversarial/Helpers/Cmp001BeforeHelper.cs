// Scenario: data-parallel loader drawing from batchSampler: new BatchSampler(new DistributedSampler(...)); each epoch sets only `loader.Sampler` via `is IEpochAware s` and then calls TrainOneEpoch(model, loader, optimizer), which merely reads loader.BatchSampler.Count. CMP001 on the setter: the loader has a batch sampler, a visible creation passes one, and the helper "sets nothing" of it ("a pass that only reads the batch sampler" is still flagged). No CMP002: "a setter on `train.Sampler` only" handles the pass.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.Cmp001BeforeHelper;

public static class Program
{
    public static void Main(string[] args)
    {
        var world = args.Length > 0 ? int.Parse(args[0]) : 2;
        var rank = args.Length > 1 ? int.Parse(args[1]) : 0;
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["audio"] = randn(8192, 40),
            ["speaker"] = randint(0, 20, new long[] { 8192 }),
        });
        using var loader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: 7), 32));

        var model = nn.Sequential(("fc1", nn.Linear(40, 128)), ("drop", nn.Dropout(0.2)), ("act", nn.ReLU()), ("fc2", nn.Linear(128, 20)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 16; epoch++)
        {
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
            var loss = TrainOneEpoch(model, loader, optimizer);
            if (rank == 0) Console.WriteLine($"epoch {epoch} loss {loss:F4}");
        }
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer)
    {
        var planned = loader.BatchSampler.Count;
        model.train();
        double sum = 0;
        long done = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["audio"]), batch["speaker"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            if (++done % 100 == 0) Console.WriteLine($"  {done}/{planned}");
        }
        return sum / Math.Max(done, 1);
    }
}
