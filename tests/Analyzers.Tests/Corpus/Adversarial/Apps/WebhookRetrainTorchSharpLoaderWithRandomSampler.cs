// Scenario: a webhook-triggered retrain handler uses TorchSharp's DataLoader with a seeded, epoch-aware RandomSampler as its shuffler (not shuffle: true + seed) and calls Epochs.SetEpoch on the loader every epoch — correct, no diagnostic.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Reviews.Sentiment.Api;

public sealed record RetrainRequest(string Dataset, int Epochs, int BatchSize, int Seed, string CallbackUrl);

public sealed class SentimentHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear _fc = nn.Linear(384, 3);
    private readonly Dropout _dropout = nn.Dropout(0.1);

    public SentimentHead() : base(nameof(SentimentHead)) => RegisterComponents();

    public override Tensor forward(Tensor sentenceEmbeddings) => _fc.forward(_dropout.forward(sentenceEmbeddings));
}

public sealed class RetrainWebhookHandler
{
    private readonly IReadOnlyDictionary<string, InMemoryDataset> _datasets;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public RetrainWebhookHandler(IReadOnlyDictionary<string, InMemoryDataset> datasets, HttpClient http)
    {
        _datasets = datasets;
        _http = http;
    }

    // POST /hooks/retrain
    public async Task<int> HandleAsync(string body, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<RetrainRequest>(body);
        if (request is null || !_datasets.TryGetValue(request.Dataset, out var data)) return 400;

        await _oneAtATime.WaitAsync(ct);
        try
        {
            var accuracy = await Task.Run(() => Retrain(data, request, ct), ct);
            using var content = new StringContent(JsonSerializer.Serialize(new { request.Dataset, accuracy }));
            await _http.PostAsync(request.CallbackUrl, content, ct);
            return 202;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private static double Retrain(InMemoryDataset data, RetrainRequest request, CancellationToken ct)
    {
        using var loader = new DataLoader(data, request.BatchSize, new RandomSampler(data.Count, seed: request.Seed));
        var head = new SentimentHead();
        var optimizer = optim.AdamW(head.parameters(), lr: 1e-3);
        double accuracy = 0;

        for (int epoch = 0; epoch < request.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            Epochs.SetEpoch(loader, epoch);

            long correct = 0, seen = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var logits = head.forward(batch["data"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
                seen += batch["label"].shape[0];
            }
            accuracy = (double)correct / Math.Max(seen, 1);
        }

        return accuracy;
    }
}
