// Scenario: a top-level program trains until validation loss stops improving in a while loop; a local function StartEpoch(e) sets the loader's epoch and is called with a counter advanced every pass; correct.
using Composer.Data;
using HeldOut2.Blind.EarlyStoppingLocalFunctionCorrect;
using TorchSharp;
using static TorchSharp.torch;

int maxEpochs = 100;
var device = cuda.is_available() ? CUDA : CPU;
manual_seed(8);

var x = randn(12_000, 10);
var y = (x.pow(2).sum(1) > 10).to(ScalarType.Float32);
using var ds = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x[..10_000], ["y"] = y[..10_000] });
using var vs = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x[10_000..], ["y"] = y[10_000..] });
using var train = new EpochDataLoader(ds, 64, sampler: new DistributedSampler(ds.Count, numReplicas: 1, rank: 0, seed: 9), device: device);
using var valid = new EpochDataLoader(vs, 1000, device: device);

var model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1)).to(device);
var optimizer = optim.Adam(model.parameters(), 1e-3);
var stopper = new EarlyStopping(patience: 5, minDelta: 1e-4);

void StartEpoch(int e)
{
    train.SetEpoch(e);
    if (e % 10 == 0) Console.WriteLine($"-- epoch {e}, lr {optimizer.ParamGroups.First().LearningRate}");
}

int epoch = 0;
bool stop = false;
while (!stop)
{
    StartEpoch(epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.binary_cross_entropy_with_logits(model.call(batch["x"]).squeeze(1), batch["y"]);
        loss.backward();
        optimizer.step();
    }

    model.eval();
    double validLoss;
    using (no_grad())
    {
        var batch = valid.First();
        validLoss = nn.functional.binary_cross_entropy_with_logits(model.call(batch["x"]).squeeze(1), batch["y"]).item<float>();
    }

    if (stopper.Improved(validLoss)) model.save("best.bin");
    Console.WriteLine($"epoch {epoch}: valid {validLoss:F4} (best {stopper.Best:F4}, waited {stopper.Waited})");
    epoch++;
    stop = stopper.ShouldStop || epoch >= maxEpochs;
}
Console.WriteLine($"stopped after {epoch} epochs");

namespace HeldOut2.Blind.EarlyStoppingLocalFunctionCorrect
{
    sealed class EarlyStopping(int patience, double minDelta)
    {
        public double Best { get; private set; } = double.PositiveInfinity;
        public int Waited { get; private set; }
        public bool ShouldStop => Waited >= patience;

        public bool Improved(double loss)
        {
            if (loss < Best - minDelta) { Best = loss; Waited = 0; return true; }
            Waited++;
            return false;
        }
    }
}
