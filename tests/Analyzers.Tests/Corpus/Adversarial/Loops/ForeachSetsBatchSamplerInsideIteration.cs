// Scenario: the loop sets the epoch on the batch-sampler variable the loader was built from, but only at the first batch inside the foreach over that loader: bug (the order was already drawn).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var data = new FashionMnist(train: true);
long[] labels = data.Columns["label"].data<long>().ToArray();
var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 5, samplesPerClass: 16, seed: 3);
using var loader = new EpochDataLoader(data, batchSampler: pk);

var embedder = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 32)));
var optimizer = optim.Adam(embedder.parameters(), lr: 5e-4);

for (int epoch = 0; epoch < 20; epoch++)
{
    int batchIndex = 0;
    foreach (var batch in loader)
    {
        if (batchIndex == 0)
        {
            pk.SetEpoch(epoch); //! CMP005
            Console.WriteLine($"epoch {epoch}: {loader.Count} P×K batches");
        }
        optimizer.zero_grad();
        using var emb = nn.functional.normalize(embedder.forward(batch["data"]), dim: 1);
        using var logits = emb.matmul(emb.t()) / 0.1;
        using var targets = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0)).to_type(ScalarType.Float32);
        using var loss = nn.functional.binary_cross_entropy_with_logits(logits, targets);
        loss.backward();
        optimizer.step();
        batchIndex++;
    }
}
