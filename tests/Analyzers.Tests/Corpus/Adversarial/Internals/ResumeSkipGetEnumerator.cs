// Scenario: a resumable loop skips the batches already consumed with `train.Skip(skip).GetEnumerator()` and never sets the epoch. Wrong, and one iteration: CMP002 once on that line (the analyzer should not report it twice).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ResumeSkipGetEnumerator;

public sealed record Checkpoint(int Epoch, long BatchesDone);

public static class ResumableTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int epochs, Checkpoint? resume, Action<Checkpoint> save)
    {
        var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 2023);
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        int start = resume?.Epoch ?? 0;

        for (int epoch = start; epoch < epochs; epoch++)
        {
            long skip = epoch == start && resume is not null ? resume.BatchesDone : 0;
            long done = skip;
            using var it = train.Skip((int)skip).GetEnumerator(); //! CMP002
            while (it.MoveNext())
            {
                var batch = it.Current;
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                if (++done % 500 == 0) save(new Checkpoint(epoch, done));
            }
            save(new Checkpoint(epoch + 1, 0));
        }
        train.Dispose();
    }

    public static Checkpoint? LoadLatest(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        var latest = Directory.GetFiles(folder, "*.ckpt").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        if (latest is null) return null;
        var parts = Path.GetFileNameWithoutExtension(latest).Split('-');
        return new Checkpoint(int.Parse(parts[0]), long.Parse(parts[1]));
    }
}
