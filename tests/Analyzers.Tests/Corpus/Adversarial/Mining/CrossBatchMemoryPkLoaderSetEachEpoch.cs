// Scenario: P×K metric learning with a cross-batch memory of past embeddings as extra hard negatives; the ClassBalancedBatchSampler loader is told the epoch with loader.SetEpoch(epoch) before each epoch, and recall@1 is measured on an unshuffled loader (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int Classes = 50, PerClass = 16, Features = 80, Emb = 40, MemorySize = 2048, EpochCount = 60;
const double Margin = 0.5;

torch.manual_seed(4);
var labels = torch.arange(Classes, dtype: int64).repeat_interleave(PerClass);
var x = torch.randn(Classes, Features).index_select(0, labels) + 0.7 * torch.randn(Classes * PerClass, Features);
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = labels });

var pk = new ClassBalancedBatchSampler(labels.data<long>().ToArray(), classesPerBatch: 10, samplesPerClass: 4, seed: 4);
using var loader = new EpochDataLoader(data, batchSampler: pk);
using var gallery = new EpochDataLoader(data, batchSize: 400);

var net = Sequential(("fc1", Linear(Features, 160)), ("relu", ReLU()), ("fc2", Linear(160, Emb)));
var optimizer = torch.optim.Adam(net.parameters(), lr: 3e-4);

// cross-batch memory: embeddings and labels of the most recent batches
var memEmb = torch.zeros(0, Emb);
var memLabels = torch.zeros(0, dtype: int64);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    loader.SetEpoch(epoch);   // reaches the P×K batch sampler

    foreach (var batch in loader)
    {
        var e = functional.normalize(net.forward(batch["data"]), p: 2, dim: 1);
        var y = batch["label"];

        // contrast the batch against itself and the memory
        var refEmb = torch.cat([e, memEmb], 0);
        var refLabels = torch.cat([y, memLabels], 0);
        var sim = e.matmul(refEmb.t());
        var same = y.unsqueeze(1).eq(refLabels.unsqueeze(0));
        var self = torch.zeros_like(same);
        self[TensorIndex.Colon, TensorIndex.Slice(0, y.shape[0])] = torch.eye(y.shape[0], dtype: @bool);

        var pos = same.logical_and(self.logical_not());
        var posLoss = (1 - sim).masked_fill(pos.logical_not(), 0.0).sum(1);
        var negLoss = functional.relu(sim - Margin).masked_fill(same, 0.0).sum(1);
        var loss = ((posLoss + negLoss) / refLabels.shape[0]).mean();

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        // enqueue detached embeddings, keep the newest MemorySize
        var newEmb = torch.cat([e.detach(), memEmb], 0);
        var newLabels = torch.cat([y, memLabels], 0);
        var keep = Math.Min(MemorySize, newEmb.shape[0]);
        memEmb = newEmb[..(int)keep].clone();
        memLabels = newLabels[..(int)keep].clone();
    }

    if (epoch % 5 == 4)
    {
        using (torch.no_grad())
        {
            var parts = new List<Tensor>();
            foreach (var batch in gallery) parts.Add(functional.normalize(net.forward(batch["data"]), p: 2, dim: 1));
            var all = torch.cat(parts, 0);
            var sim = all.matmul(all.t()) - 3 * torch.eye(all.shape[0]);
            var nearest = sim.argmax(1);
            var recall = labels.index_select(0, nearest).eq(labels).to(float32).mean().item<float>();
            Console.WriteLine($"epoch {epoch}: recall@1 {recall:P1}");
        }
    }
}
