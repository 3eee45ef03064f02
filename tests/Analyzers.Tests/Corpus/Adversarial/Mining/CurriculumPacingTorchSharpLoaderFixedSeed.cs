// Scenario: curriculum learning with a pacing function; each epoch a TorchSharp DataLoader is rebuilt over the easiest fraction of the data with shuffle: true and seed: 1234, so every epoch shuffles the same way (wrong).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 10_000, Features = 24, Classes = 4, EpochCount = 25, RampEpochs = 10;
const double StartFraction = 0.25;

torch.manual_seed(3);
var x = torch.randn(N, Features);
var y = (x[.., 0] + x[.., 1] * x[.., 2]).bucketize(torch.tensor(new[] { -1.0f, 0.0f, 1.0f }));

// difficulty = 1 - teacher confidence on the true class (precomputed by a larger model)
var difficulty = torch.rand(N);
var easyFirst = difficulty.argsort();

var student = Sequential(("fc1", Linear(Features, 96)), ("relu", ReLU()), ("drop", Dropout(0.1)), ("fc2", Linear(96, Classes)));
var optimizer = torch.optim.AdamW(student.parameters(), lr: 2e-3, weight_decay: 1e-4);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    // linear pacing: start with the easiest 25%, reach the whole set after RampEpochs
    var fraction = Math.Min(1.0, StartFraction + (1.0 - StartFraction) * epoch / RampEpochs);
    var take = (long)(N * fraction);
    var admitted = easyFirst[..(int)take];

    var subset = new CurriculumSubset(x, y, admitted);
    using var loader = new DataLoader(subset, 64, shuffle: true, seed: 1234); //! CMP003

    student.train();
    double total = 0;
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(student.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: {take} samples admitted, loss {total / loader.Count:F4}");
}

/// <summary>The admitted part of the training set, in curriculum order.</summary>
sealed class CurriculumSubset(Tensor features, Tensor labels, Tensor admitted) : torch.utils.data.Dataset
{
    private readonly long[] _rows = admitted.data<long>().ToArray();

    public override long Count => _rows.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var row = _rows[index];
        return new() { ["data"] = features[row], ["label"] = labels[row] };
    }
}
