// Scenario: resuming from a checkpoint, the loop passes the start epoch, not the loop's epoch, to BeginEpoch(train, startEpoch), so every resumed epoch replays one order (a bug). Documented limit, no marker: "A constant handed to a helper *method* (`BeginEpoch(loader, 0)`): only setter calls are judged, where they are written, and inside the method the call is in no epoch loop"; and the helper's setter still handles the pass for CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.ResumeStartEpochToHelper;

public sealed record Checkpoint(int Epoch, string Path);

public static class Program
{
    public static void Main(string[] args)
    {
        var resumeFrom = args.Length > 0 ? new Checkpoint(int.Parse(args[0]), "ckpt.bin") : null;
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(7000, 20), ["y"] = randint(0, 2, new long[] { 7000 }) });
        using var train = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: 404), 70));

        var model = nn.Sequential(("fc1", nn.Linear(20, 20)), ("act", nn.ReLU()), ("fc2", nn.Linear(20, 2)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var startEpoch = resumeFrom?.Epoch ?? 0;
        if (resumeFrom is not null && File.Exists(resumeFrom.Path)) model.load(resumeFrom.Path);

        for (var epoch = startEpoch; epoch < 50; epoch++)
        {
            BeginEpoch(train, startEpoch);
            var loss = TrainOneEpoch(model, train, optimizer);
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
            if (epoch % 10 == 9) model.save($"ckpt-{epoch}.bin");
        }
    }

    static void BeginEpoch(EpochDataLoader loader, int epoch)
    {
        loader.SetEpoch(epoch);
        Console.WriteLine($"-- starting epoch {epoch} with {loader.Count} batches --");
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
