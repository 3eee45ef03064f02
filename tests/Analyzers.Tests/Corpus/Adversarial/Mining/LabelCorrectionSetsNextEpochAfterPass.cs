// Scenario: online label correction (labels the model contradicts with high confidence for 3 epochs in a row are replaced); the shuffling loader's epoch is set after each pass with epoch + 1, for the next epoch (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 10_000, Features = 32, Classes = 8, EpochCount = 30, Patience = 3;
const float Confidence = 0.9f;

torch.manual_seed(13);
var x = torch.randn(N, Features);
var truth = x[.., ..Classes].argmax(1);
var given = torch.where(torch.rand(N).lt(0.25), torch.randint(0, Classes, new long[] { N }, dtype: int64), truth);

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["index"] = torch.arange(N, dtype: int64) });
using var train = new EpochDataLoader(data, batchSize: 100, shuffle: true, seed: 13);

var labels = given.clone();                          // the labels we train on, corrected as we go
var streak = torch.zeros(N, dtype: int32);           // consecutive confident disagreements
var model = Sequential(("fc1", Linear(Features, 128)), ("relu", ReLU()), ("fc2", Linear(128, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    var disagreeing = torch.zeros(N, dtype: @bool);
    var proposed = labels.clone();

    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var idx = batch["index"];
        var target = labels.index_select(0, idx);
        var logits = model.forward(batch["data"]);
        var loss = functional.cross_entropy(logits, target);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        using (torch.no_grad())
        {
            var (p, pred) = functional.softmax(logits, dim: 1).max(1);
            var flag = pred.ne(target).logical_and(p.gt(Confidence));
            disagreeing.index_copy_(0, idx, flag);
            proposed.index_copy_(0, idx, pred);
        }
    }
    train.SetEpoch(epoch + 1);   // the next pass reshuffles

    // relabel the samples the model has contradicted for Patience epochs in a row
    streak = torch.where(disagreeing, streak + 1, torch.zeros_like(streak));
    var relabel = streak.ge(Patience);
    labels = torch.where(relabel, proposed, labels);
    streak.masked_fill_(relabel, 0);

    var accuracy = labels.eq(truth).to(float32).mean().item<float>();
    Console.WriteLine($"epoch {epoch}: relabeled {relabel.sum().item<long>()}, label accuracy {accuracy:P1}");
}
