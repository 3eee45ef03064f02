// Scenario: a resumable P×K training script restores (epoch, batch) from a JSON state file and sets the class-balanced batch sampler's epoch on the first batch inside the IterateFrom loop, one epoch late; wrong.
using System.Text.Json;
using Composer.Data;
using HeldOut2.Blind.ResumePkSamplerSetInsideIteration;
using TorchSharp;
using static TorchSharp.torch;

const string StatePath = "pk-state.json";
const int Epochs = 30, SaveEvery = 200;
var device = cuda.is_available() ? CUDA : CPU;

var labels = Enumerable.Range(0, 4000).Select(i => (long)(i % 100)).ToArray();
using var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["image"] = randn(4000, 3, 32, 32),
    ["label"] = tensor(labels),
});

var state = File.Exists(StatePath)
    ? JsonSerializer.Deserialize<ResumeState>(File.ReadAllText(StatePath)) ?? new ResumeState(0, 0)
    : new ResumeState(0, 0);
Console.WriteLine($"resuming at epoch {state.Epoch}, batch {state.Batch}");

var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 9);
using var loader = new EpochDataLoader(data, batchSampler: pk, device: device);

var net = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 128)).to(device);
if (File.Exists("pk-model.bin")) net.load("pk-model.bin");
var optimizer = optim.Adam(net.parameters(), 3e-4);
var miner = new TripletMiner(margin: 0.2);

for (int epoch = state.Epoch; epoch < Epochs; epoch++)
{
    long step = epoch == state.Epoch ? state.Batch : 0;
    bool seeded = false;
    foreach (var batch in loader.IterateFrom(step))
    {
        if (!seeded)
        {
            pk.SetEpoch(epoch); //! CMP005
            seeded = true;
        }

        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var emb = nn.functional.normalize(net.call(batch["image"]), dim: 1);
        var loss = miner.Loss(emb, batch["label"]);
        loss.backward();
        optimizer.step();

        if (++step % SaveEvery == 0)
        {
            net.save("pk-model.bin");
            File.WriteAllText(StatePath, JsonSerializer.Serialize(new ResumeState(epoch, step)));
            Console.WriteLine($"epoch {epoch} batch {step}/{loader.Count}: loss {loss.item<float>():F4} (saved)");
        }
    }
    File.WriteAllText(StatePath, JsonSerializer.Serialize(new ResumeState(epoch + 1, 0)));
}

namespace HeldOut2.Blind.ResumePkSamplerSetInsideIteration
{
    public sealed record ResumeState(int Epoch, long Batch);

    sealed class TripletMiner(double margin)
    {
        /// <summary>Batch-hard triplet loss.</summary>
        public Tensor Loss(Tensor emb, Tensor labels)
        {
            var dist = cdist(emb, emb);
            var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
            var hardestPos = dist.masked_fill(same.logical_not(), 0).max(1).values;
            var hardestNeg = dist.masked_fill(same, 1e9).min(1).values;
            return nn.functional.relu(hardestPos - hardestNeg + margin).mean();
        }
    }
}
