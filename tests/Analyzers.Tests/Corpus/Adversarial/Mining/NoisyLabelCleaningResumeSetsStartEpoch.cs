// Scenario: online label cleaning (samples with a persistently high loss are dropped through a keep mask) in a run that resumes from a checkpoint; the loop sets train.SetEpoch(startEpoch), the resume epoch, on every pass, so every epoch after a resume has one order (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 9000, Features = 30, Classes = 10, TotalEpochs = 40, WarmupEpochs = 5;
const double NoiseRate = 0.2, Momentum = 0.9;
const string Dir = "checkpoints/label-cleaning";

Directory.CreateDirectory(Dir);
torch.manual_seed(11);
var x = torch.randn(N, Features);
var clean = x[.., ..Classes].argmax(1);
var flip = torch.rand(N).lt(NoiseRate);
var noisy = torch.where(flip, torch.randint(0, Classes, new long[] { N }, dtype: int64), clean);

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = noisy, ["index"] = torch.arange(N, dtype: int64) });
using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 77);

var model = Sequential(("fc1", Linear(Features, 128)), ("relu", ReLU()), ("fc2", Linear(128, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);

// resume: epoch counter, per-sample loss EMA and keep mask
int startEpoch = File.Exists($"{Dir}/epoch.txt") ? int.Parse(File.ReadAllText($"{Dir}/epoch.txt")) : 0;
var lossEma = File.Exists($"{Dir}/ema.pt") ? Tensor.Load($"{Dir}/ema.pt") : torch.zeros(N);
var keep = File.Exists($"{Dir}/keep.pt") ? Tensor.Load($"{Dir}/keep.pt") : torch.ones(N);
if (startEpoch > 0) model.load($"{Dir}/model.bin");

for (int epoch = startEpoch; epoch < TotalEpochs; epoch++)
{
    train.SetEpoch(startEpoch); //! CMP004
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var idx = batch["index"];
        var perSample = functional.cross_entropy(model.forward(batch["data"]), batch["label"], reduction: Reduction.None);
        var w = keep.index_select(0, idx);
        var loss = (perSample * w).sum() / w.sum().clamp_min(1);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        using (torch.no_grad())
            lossEma.index_copy_(0, idx, Momentum * lossEma.index_select(0, idx) + (1 - Momentum) * perSample.detach());
    }

    // after warm-up, drop the samples whose smoothed loss is in the top NoiseRate share
    if (epoch >= WarmupEpochs)
    {
        var cutoff = lossEma.quantile(1 - NoiseRate);
        keep = lossEma.le(cutoff).to(float32);
    }
    Console.WriteLine($"epoch {epoch}: keeping {keep.sum().item<float>():F0} of {N} samples");

    model.save($"{Dir}/model.bin");
    lossEma.save($"{Dir}/ema.pt");
    keep.save($"{Dir}/keep.pt");
    File.WriteAllText($"{Dir}/epoch.txt", (epoch + 1).ToString());
}
