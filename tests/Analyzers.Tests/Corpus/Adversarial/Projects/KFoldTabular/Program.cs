using Composer.Data;
using KFoldTabular;
using static TorchSharp.torch;

int folds = 5, epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
var x = randn(1000, 8);
var y = x.sum(1, keepdim: true) + 0.05 * randn(1000, 1);
using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });

var cv = new CrossValidator(data, () => nn.Sequential(nn.Linear(8, 32), nn.Tanh(), nn.Linear(32, 1)));
var scores = cv.Run(folds, epochs);
Console.WriteLine($"{folds}-fold MSE: {scores.Average():F5} ± {Math.Sqrt(scores.Select(s => (s - scores.Average()) * (s - scores.Average())).Average()):F5}");

var final = cv.Refit(epochs);
Console.WriteLine($"refit done: {final.parameters().Sum(p => p.numel())} parameters");
