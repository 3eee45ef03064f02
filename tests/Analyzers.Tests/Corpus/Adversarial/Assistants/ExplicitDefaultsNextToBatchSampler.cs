// Scenario: an assistant writes every EpochDataLoader argument out "to be explicit" next to a ClassBalancedBatchSampler — `batchSize: 1, shuffle: false, sampler: null, dropLast: false` — and sets the loader's epoch inside a try block before the batches; none of these conflicts with the batch sampler (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FewShotSpeakers;

public sealed class MetricsTracker
{
    private readonly Dictionary<string, List<double>> _values = new();

    public void Add(string name, double value)
    {
        if (!_values.TryGetValue(name, out var list)) _values[name] = list = new List<double>();
        list.Add(value);
    }

    public double Mean(string name) => _values.TryGetValue(name, out var list) && list.Count > 0 ? list.Average() : double.NaN;

    public void Reset() => _values.Clear();
}

public static class SpeakerEmbedding
{
    public static void Train(InMemoryDataset utterances, int epochs = 60)
    {
        var speakerIds = utterances.Columns["label"].data<long>().ToArray();

        // P speakers x K utterances per batch
        var batchSampler = new ClassBalancedBatchSampler(speakerIds, classesPerBatch: 8, samplesPerClass: 5, seed: 123);

        // NOTE: when batchSampler is given, batchSize must stay 1 and shuffle/sampler/dropLast must not be used.
        using var loader = new EpochDataLoader(
            dataset: utterances,
            batchSize: 1,
            shuffle: false,
            sampler: null,
            batchSampler: batchSampler,
            dropLast: false);

        var model = nn.Sequential(nn.Linear(80, 256), nn.ReLU(), nn.Linear(256, 192));
        var optimizer = optim.Adam(model.parameters(), 5e-4);
        var metrics = new MetricsTracker();

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            metrics.Reset();
            try
            {
                // set the epoch so the P x K batches are different every epoch
                loader.SetEpoch(epoch);

                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var emb = nn.functional.normalize(model.call(batch["data"]), dim: 1);
                    var ids = batch["label"];
                    var sim = emb.matmul(emb.t());
                    var same = ids.unsqueeze(0).eq(ids.unsqueeze(1)).to_type(ScalarType.Float32);
                    // supervised-contrastive style loss on the cosine similarities
                    var loss = nn.functional.binary_cross_entropy_with_logits(sim * 10, same);

                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    metrics.Add("loss", loss.item<float>());
                }
            }
            catch (LoaderWorkerException ex)
            {
                Console.Error.WriteLine($"epoch {epoch}: sample {ex.Index} failed to load: {ex.InnerException?.Message}");
                continue;
            }

            Console.WriteLine($"epoch {epoch + 1}/{epochs}: loss {metrics.Mean("loss"):F4}");
        }
    }
}
