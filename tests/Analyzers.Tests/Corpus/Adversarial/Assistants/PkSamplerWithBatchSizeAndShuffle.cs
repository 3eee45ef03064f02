// Scenario: an assistant's metric-learning answer passes a ClassBalancedBatchSampler and also `batchSize: 64` ("16 classes x 4 samples") and `shuffle: true` to the EpochDataLoader; the runtime rejects both next to a batch sampler (wrong, CMP006 twice at the creation; the epoch is set correctly).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FaceEmbeddings;

public sealed class EarlyStopping
{
    private readonly int _patience;
    private readonly double _minDelta;
    private double _best = double.MaxValue;
    private int _counter;

    public EarlyStopping(int patience = 5, double minDelta = 1e-4)
    {
        _patience = patience;
        _minDelta = minDelta;
    }

    public bool ShouldStop { get; private set; }

    public void Step(double loss)
    {
        if (loss < _best - _minDelta) { _best = loss; _counter = 0; }
        else if (++_counter >= _patience) ShouldStop = true;
    }
}

public static class PkTraining
{
    public static void Run(InMemoryDataset faces, int maxEpochs = 100)
    {
        // labels as a list of longs for the P x K sampler
        var labels = faces.Columns["label"].data<long>().ToArray();
        var pkSampler = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 3);

        // DataLoader with batch size 64 (16 classes x 4 samples) and shuffling
        using var trainLoader = new EpochDataLoader(faces, batchSize: 64, shuffle: true, batchSampler: pkSampler); //! CMP006 CMP006

        var model = nn.Sequential(nn.Flatten(), nn.Linear(64 * 64, 512), nn.ReLU(), nn.Linear(512, 128));
        var optimizer = optim.Adam(model.parameters(), 1e-4);
        var stopper = new EarlyStopping(patience: 8);
        const double margin = 0.3;

        int epoch = 0;
        while (epoch < maxEpochs && !stopper.ShouldStop)
        {
            trainLoader.SetEpoch(epoch);   // new P x K batches every epoch

            double sum = 0;
            int count = 0;
            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                var emb = nn.functional.normalize(model.call(batch["data"]), dim: 1);
                var y = batch["label"];
                var d = cdist(emb, emb);
                var sameId = y.unsqueeze(0).eq(y.unsqueeze(1));
                var pos = (d * sameId.to_type(ScalarType.Float32)).max(1).values;
                var neg = d.masked_fill(sameId, 1e9).min(1).values;
                var loss = nn.functional.relu(pos - neg + margin).mean();

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                count++;
            }

            var meanLoss = sum / Math.Max(count, 1);
            stopper.Step(meanLoss);
            Console.WriteLine($"epoch {epoch + 1}: triplet loss {meanLoss:F4}{(stopper.ShouldStop ? "  (early stopping)" : "")}");
            epoch++;
        }
    }
}
