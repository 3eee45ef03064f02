// Scenario: top-level training script with a local function `void Wire(EpochDataLoader l) => hooks.Add(l.SetEpoch);` called once per loader before the loop; the hook list is fired each epoch. Each loader's own setter is handed on as a delegate in a function the member calls — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(1536, 8) });
var student = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);
var teacher = new EpochDataLoader(data, batchSize: 32, sampler: new RandomSampler(data.Count, seed: 2));
var hooks = new List<Action<int>>();

void Wire(EpochDataLoader l) => hooks.Add(l.SetEpoch);

Wire(student);
Wire(teacher);

for (int epoch = 0; epoch < 12; epoch++)
{
    foreach (var hook in hooks) hook(epoch);
    foreach (var (s, t) in student.Zip(teacher))
    {
        using var scope = torch.NewDisposeScope();
        _ = (s["x"] - t["x"]).abs().sum();
    }
}
