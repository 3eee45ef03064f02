// Scenario: the epoch counter is advanced with `Interlocked.Increment(ref epoch)` (a monitoring thread reads it) and passed to SetEpoch before each pass; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004InterlockedRefCounter;

public sealed class WatchedTrainer
{
    private readonly ManualResetEventSlim _stop = new(false);

    public void Run(InMemoryDataset data)
    {
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 5);
        var model = nn.Linear(4, 2);
        var opt = optim.Adam(model.parameters());
        int epoch = 0;
        var monitor = new Thread(() => { while (!_stop.IsSet) { Console.WriteLine($"epoch {Volatile.Read(ref epoch)}"); Thread.Sleep(1000); } });
        monitor.Start();

        while (epoch < 30 && !_stop.IsSet)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
            Interlocked.Increment(ref epoch);
        }
        _stop.Set();
        monitor.Join();
    }
}
