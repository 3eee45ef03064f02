// Scenario: an async training loop that streams step telemetry to a web service sets the loader's epoch "at step 0" inside the batch loop, after the enumeration already fixed this epoch's order — one epoch late (CMP005).
using System.Diagnostics;
using System.Net.Http.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace TextCls.Training;

public sealed record StepTelemetry(int Epoch, int Step, float Loss, double StepsPerSecond);

public sealed class TelemetryTrainingLoop(HttpClient telemetry, int epochs)
{
    public async Task RunAsync(Tensor tokenIds, Tensor labels, CancellationToken ct)
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["tokens"] = tokenIds, ["label"] = labels });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 99, dropLast: true);

        using var model = new BagOfWords(vocab: 30_000, dim: 128, classes: 4);
        using var optimizer = optim.AdamW(model.parameters(), lr: 2e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            int step = 0;
            foreach (var batch in train)
            {
                if (step == 0)
                    train.SetEpoch(epoch); //! CMP005

                float lossValue;
                using (NewDisposeScope())
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["tokens"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    lossValue = loss.item<float>();
                }

                if (step % 100 == 0)
                {
                    var sample = new StepTelemetry(epoch, step, lossValue, (step + 1) / clock.Elapsed.TotalSeconds);
                    try
                    {
                        using var response = await telemetry.PostAsJsonAsync("v1/steps", sample, ct);
                    }
                    catch (HttpRequestException)
                    {
                        // telemetry is best effort
                    }
                }
                step++;
            }
        }
    }
}

public sealed class BagOfWords : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _fc;

    public BagOfWords(long vocab, long dim, long classes) : base(nameof(BagOfWords))
    {
        _embed = nn.Embedding(vocab, dim);
        _fc = nn.Linear(dim, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens) => _fc.forward(_embed.forward(tokens).mean([1]));
}
