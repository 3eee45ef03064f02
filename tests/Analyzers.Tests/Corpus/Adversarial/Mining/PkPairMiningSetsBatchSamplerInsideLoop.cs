// Scenario: P×K contrastive training with hard pair mining, enumerated by hand with GetEnumerator/MoveNext; the user sets the ClassBalancedBatchSampler's epoch at step 0 inside that loop, after the epoch's batches are already drawn (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int Identities = 100, ImagesPerId = 12, Features = 96, Emb = 64, EpochCount = 40;
const double PosMargin = 0.1, NegMargin = 0.5;

torch.manual_seed(9);
var labels = torch.arange(Identities, dtype: int64).repeat_interleave(ImagesPerId);
var centers = torch.randn(Identities, Features);
var images = centers.index_select(0, labels) + 0.5 * torch.randn(labels.shape[0], Features);
var gallery = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = images, ["label"] = labels });

var pk = new ClassBalancedBatchSampler(labels.data<long>().ToArray(), classesPerBatch: 16, samplesPerClass: 4, seed: 9);
using var loader = new EpochDataLoader(gallery, batchSampler: pk);

var net = Sequential(("fc1", Linear(Features, 256)), ("relu", ReLU()), ("fc2", Linear(256, Emb)));
var optimizer = torch.optim.Adam(net.parameters(), lr: 5e-4);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    using var it = loader.GetEnumerator();
    int step = 0;
    long minedPairs = 0;
    while (it.MoveNext())
    {
        if (step == 0) pk.SetEpoch(epoch); //! CMP005

        using var scope = torch.NewDisposeScope();
        var batch = it.Current;
        var e = functional.normalize(net.forward(batch["data"]), p: 2, dim: 1);
        var y = batch["label"];
        var sim = e.matmul(e.t());
        var same = y.unsqueeze(0).eq(y.unsqueeze(1));
        var eye = torch.eye(y.shape[0], dtype: @bool);
        var posMask = same.logical_and(eye.logical_not());
        var negMask = same.logical_not();

        // keep only informative pairs: negatives closer than the weakest positive, positives farther than the strongest negative
        var weakestPos = sim.masked_fill(posMask.logical_not(), 2.0).min(1, keepdim: true).values;
        var strongestNeg = sim.masked_fill(negMask.logical_not(), -2.0).max(1, keepdim: true).values;
        var hardNeg = negMask.logical_and(sim.gt(weakestPos - PosMargin));
        var hardPos = posMask.logical_and(sim.lt(strongestNeg + PosMargin));

        var posLoss = (1 - sim).masked_fill(hardPos.logical_not(), 0.0).sum();
        var negLoss = functional.relu(sim - NegMargin).masked_fill(hardNeg.logical_not(), 0.0).sum();
        var pairs = hardPos.sum() + hardNeg.sum();
        var loss = (posLoss + negLoss) / pairs.clamp_min(1);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        minedPairs += pairs.item<long>();
        step++;
    }
    Console.WriteLine($"epoch {epoch}: {step} batches, {minedPairs} hard pairs mined");
}
