// Scenario: a resumed step-based run restarts its distributed loader when exhausted and increments `epoch`, but passes `resumeEpoch` (read once before the loop) to SetEpoch: the epoch never changes after the first restart (CMP004).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var state = File.Exists("state.txt") ? File.ReadAllLines("state.txt") : ["0", "0"];
int resumeEpoch = int.Parse(state[0]);
int firstStep = int.Parse(state[1]);
const int totalSteps = 20_000;

var data = new FashionMnist(train: true);
var sampler = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 9);
var loader = new EpochDataLoader(data, 64, sampler: sampler);
var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("act", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
if (File.Exists("model.bin")) model.load("model.bin");
var opt = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

int epoch = resumeEpoch;
loader.SetEpoch(epoch);
var it = loader.GetEnumerator();
for (int step = firstStep; step < totalSteps; step++)
{
    if (!it.MoveNext())
    {
        epoch++;
        loader.SetEpoch(resumeEpoch); //! CMP004
        it.Dispose();
        it = loader.GetEnumerator();
        it.MoveNext();
    }

    using var scope = NewDisposeScope();
    opt.zero_grad();
    var loss = nn.functional.cross_entropy(model.forward(it.Current["data"]), it.Current["label"]);
    loss.backward();
    reducer.AverageGradients();
    opt.step();

    if (Dist.Rank == 0 && step % 1000 == 999)
    {
        model.save("model.bin");
        File.WriteAllLines("state.txt", [epoch.ToString(), (step + 1).ToString()]);
    }
}
it.Dispose();
