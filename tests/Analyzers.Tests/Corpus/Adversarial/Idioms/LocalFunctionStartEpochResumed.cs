// Scenario: a top-level program resumed from a checkpoint has a StartEpoch(int e) local function that sets the sampler's epoch and prints the learning rate, but the loop calls it with resumeEpoch instead of epoch; wrong: every resumed epoch gets the same order.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int epochs = 40;
const string checkpoint = "cifar-mlp.ckpt";
int resumeEpoch = File.Exists(checkpoint + ".epoch") ? ReadEpoch(checkpoint + ".epoch") : 0;

var images = rand(10_000, 3, 32, 32);
var targets = randint(0, 10, new long[] { 10_000 }, dtype: ScalarType.Int64);
var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = images, ["label"] = targets });
var sampler = new RandomSampler(trainSet.Count, seed: 17);
using var train = new EpochDataLoader(trainSet, batchSize: 64, sampler: sampler);

var model = Sequential(("flat", Flatten()), ("fc1", Linear(3 * 32 * 32, 512)), ("act", ReLU()), ("fc2", Linear(512, 10)));
if (resumeEpoch > 0) model.load(checkpoint);
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9, weight_decay: 5e-4);
var criterion = CrossEntropyLoss();

void StartEpoch(int e)
{
    sampler.SetEpoch(e); //! CMP004
    Console.WriteLine($"epoch {e}: lr {optimizer.ParamGroups.First().LearningRate:G3}");
}

for (int epoch = resumeEpoch; epoch < epochs; epoch++)
{
    StartEpoch(resumeEpoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = criterion.call(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    model.save(checkpoint);
    File.WriteAllText(checkpoint + ".epoch", (epoch + 1).ToString());
}

static int ReadEpoch(string path) => int.Parse(File.ReadAllText(path));
