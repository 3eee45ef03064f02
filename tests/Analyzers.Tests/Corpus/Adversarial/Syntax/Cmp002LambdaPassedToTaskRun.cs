// Scenario: each epoch's batch loop runs on the thread pool via `await Task.Run(() => { foreach ... })`; the lambda is written in the epoch loop and the shuffling loader's epoch is never set (bug: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002LambdaPassedToTaskRun;

public sealed class BackgroundTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Linear(10, 3);

    public async Task FitAsync(InMemoryDataset data, int epochs, CancellationToken ct)
    {
        var opt = optim.Adam(_model.parameters(), lr: 1e-3);
        using var train = new EpochDataLoader(data, batchSize: 16, sampler: new RandomSampler(data.Count, seed: 5));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var loss = await Task.Run(() =>
            {
                float sum = 0;
                foreach (var batch in train) //! CMP002
                {
                    ct.ThrowIfCancellationRequested();
                    opt.zero_grad();
                    using var l = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                    l.backward();
                    opt.step();
                    sum += l.item<float>();
                }
                return sum;
            }, ct);
            Console.WriteLine($"epoch {epoch}: {loss:F3}");
        }
    }
}
