// Scenario: beginner builds a RandomSampler for the loader and calls `sampler.SetEpoch(epochs)` (autocomplete picked the epoch count, not the loop variable `e`): wrong, the argument never changes across the loop (CMP004)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var epochs = 10;
var lr = 0.1;

var dataset = new FashionMnist();
var sampler = new RandomSampler(dataset.Count, seed: 99);
var loader = new EpochDataLoader(dataset, batchSize: 100, sampler: sampler);

// logistic regression, like chapter 1 of the book
var model = Sequential(("flatten", Flatten()), ("linear", Linear(784, 10)));
var optimizer = torch.optim.SGD(model.parameters(), lr);
var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size: 3, gamma: 0.5);

for (var e = 0; e < epochs; e++)
{
    sampler.SetEpoch(epochs); //! CMP004

    var losses = new List<float>();
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var logits = model.forward(batch["data"]);
        var loss = functional.cross_entropy(logits, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        losses.Add(loss.item<float>());
    }
    scheduler.step();

    Console.WriteLine($"epoch {e}: mean loss {losses.Average():F4}, min {losses.Min():F4}");
}
