// Scenario: the user's follow-up edit wrapped the answer's "print the epoch + set the epoch" block in `if (Dist.Rank == 0)` to stop duplicated logs; now only rank 0 reshuffles its shard while the other ranks replay epoch 0 (wrong, CMP002 on the batch loop).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int num_epochs = 20;
const int batch_size = 64;

Dist.Initialize();
torch.manual_seed(1234);

// --- data ---------------------------------------------------------------------------------
// With more than one rank, shuffle: true gives every rank its own DistributedSampler shard.
var features = torch.randn(50_000, 32);
var targets = (features[.., 0] + 0.5 * features[.., 1] > 0).to_type(ScalarType.Int64);
using var dataset = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = targets });
using var trainLoader = new EpochDataLoader(dataset, batchSize: batch_size, shuffle: true, seed: 1234, dropLast: true);

// --- model --------------------------------------------------------------------------------
var model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 2));
using var allReduce = new GradientAllReducer(model);
allReduce.BroadcastParameters();
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);

// --- training loop ------------------------------------------------------------------------
for (int epoch = 0; epoch < num_epochs; epoch++)
{
    // Only the main process prints (added: logs were duplicated N times with mpirun -np N)
    if (Dist.Rank == 0)
    {
        Console.WriteLine($"===== Epoch {epoch + 1}/{num_epochs} =====");
        // Step 3: set the epoch so shuffling differs between epochs
        trainLoader.SetEpoch(epoch);
    }

    model.train();
    float epoch_loss = 0f;
    int step = 0;
    foreach (var batch in trainLoader) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        allReduce.AverageGradients();
        optimizer.step();

        epoch_loss += loss.item<float>();
        step++;
        if (Dist.Rank == 0 && step % 100 == 0)
            Console.WriteLine($"  step {step}/{trainLoader.Count}  loss={loss.item<float>():F4}");
    }

    if (Dist.Rank == 0)
        Console.WriteLine($"  mean loss: {epoch_loss / Math.Max(step, 1):F4}");
}
