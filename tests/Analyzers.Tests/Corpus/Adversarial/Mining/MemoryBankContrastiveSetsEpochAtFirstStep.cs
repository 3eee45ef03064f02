// Scenario: MoCo-style contrastive training with a queue of negatives (memory bank); the user reshuffles with loader.SetEpoch(epoch) at step 0 inside the batch loop, after the epoch's order is already fixed, so each epoch runs with the previous epoch's order (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 16_384, Features = 64, Emb = 32, QueueSize = 4096, EpochCount = 50;
const double KeyMomentum = 0.99;
const float Tau = 0.1f;

torch.manual_seed(21);
var unlabeled = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = torch.randn(N, Features) });
using var loader = new EpochDataLoader(unlabeled, batchSize: 256, shuffle: true, seed: 21, dropLast: true);

TorchSharp.Modules.Sequential Encoder() => Sequential(("fc1", Linear(Features, 128)), ("relu", ReLU()), ("fc2", Linear(128, Emb)));
var queryEncoder = Encoder();
var keyEncoder = Encoder();
keyEncoder.load_state_dict(queryEncoder.state_dict());
foreach (var p in keyEncoder.parameters()) p.requires_grad = false;

var optimizer = torch.optim.SGD(queryEncoder.parameters(), 0.03, momentum: 0.9, weight_decay: 1e-4);

// memory bank of past keys: the negatives
var queue = functional.normalize(torch.randn(QueueSize, Emb), p: 2, dim: 1);
long head = 0;

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    double total = 0;
    foreach (var (batch, step) in loader.Select((b, i) => (b, i)))
    {
        if (step == 0) loader.SetEpoch(epoch); //! CMP005

        using var scope = torch.NewDisposeScope();
        var x = batch["data"];
        var q = functional.normalize(queryEncoder.forward(x + 0.1 * torch.randn_like(x)), p: 2, dim: 1);
        Tensor k;
        using (torch.no_grad())
        {
            // momentum update of the key encoder
            foreach (var (pq, pk) in queryEncoder.parameters().Zip(keyEncoder.parameters()))
                pk.mul_(KeyMomentum).add_(pq, alpha: 1 - KeyMomentum);
            k = functional.normalize(keyEncoder.forward(x + 0.1 * torch.randn_like(x)), p: 2, dim: 1);
        }

        var positive = (q * k).sum(1, keepdim: true);
        var negatives = q.matmul(queue.t());
        var logits = torch.cat([positive, negatives], 1) / Tau;
        var loss = functional.cross_entropy(logits, torch.zeros(logits.shape[0], dtype: int64));

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();

        // enqueue the newest keys, overwrite the oldest
        var n = k.shape[0];
        queue[TensorIndex.Slice(head, head + n)] = k.detach();
        head = (head + n) % QueueSize;
    }
    Console.WriteLine($"epoch {epoch}: InfoNCE {total / loader.Count:F4}");
}
