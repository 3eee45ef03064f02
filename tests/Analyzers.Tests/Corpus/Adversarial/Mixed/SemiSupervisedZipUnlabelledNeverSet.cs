// Scenario: a FixMatch-style semi-supervised trainer with an EMA teacher (Zip over parameter lists, not loaders); each epoch zips the labelled loader with the unlabelled one, both shuffling, but only the labelled loader's epoch is set: CMP002 on the unlabelled loader given to Zip.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.SemiSupervised;

public static class Augment
{
    public static Tensor Weak(Tensor x) => x + 0.05 * torch.randn_like(x);
    public static Tensor Strong(Tensor x) => x * (torch.rand_like(x) > 0.2).to(x.dtype) + 0.3 * torch.randn_like(x);
}

public sealed class EmaTeacher
{
    private readonly nn.Module<Tensor, Tensor> _student;
    private readonly double _decay;

    public EmaTeacher(nn.Module<Tensor, Tensor> student, nn.Module<Tensor, Tensor> teacher, double decay)
    {
        _student = student;
        Model = teacher;
        _decay = decay;
        using var _ = torch.no_grad();
        foreach (var (s, t) in student.parameters().Zip(teacher.parameters())) t.copy_(s);
    }

    public nn.Module<Tensor, Tensor> Model { get; }

    public void Update()
    {
        using var _ = torch.no_grad();
        foreach (var (s, t) in _student.parameters().Zip(Model.parameters()))
            t.mul_(_decay).add_(s, alpha: 1 - _decay);
    }
}

public sealed class FixMatchTrainer
{
    private static nn.Module<Tensor, Tensor> Net() =>
        nn.Sequential(("fc1", nn.Linear(12, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));

    private readonly nn.Module<Tensor, Tensor> _student = Net();
    private readonly EmaTeacher _teacher;
    private readonly List<double> _maskRates = new();

    public FixMatchTrainer() => _teacher = new EmaTeacher(_student, Net(), decay: 0.99);

    public void Fit(InMemoryDataset labelledSet, InMemoryDataset unlabelledSet, int epochs, double threshold = 0.9, double lambdaU = 1.0)
    {
        var labelled = new EpochDataLoader(labelledSet, batchSize: 32, shuffle: true, seed: 1);
        var unlabelled = new EpochDataLoader(unlabelledSet, batchSize: 96, shuffle: true, seed: 2);
        var optimizer = optim.SGD(_student.parameters(), 0.03, momentum: 0.9, nesterov: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            labelled.SetEpoch(epoch);
            double supervised = 0, consistency = 0;
            foreach (var (x, u) in labelled.Zip(unlabelled)) //! CMP002
            {
                optimizer.zero_grad();
                using var ls = nn.functional.cross_entropy(_student.forward(Augment.Weak(x["data"])), x["label"]);

                Tensor pseudo, mask;
                using (torch.no_grad())
                {
                    var probs = nn.functional.softmax(_teacher.Model.forward(Augment.Weak(u["data"])), 1);
                    var (confidence, labels) = probs.max(1);
                    pseudo = labels;
                    mask = (confidence >= threshold).to(ScalarType.Float32);
                }
                var perSample = nn.functional.cross_entropy(_student.forward(Augment.Strong(u["data"])), pseudo, reduction: nn.Reduction.None);
                using var lu = (perSample * mask).mean();
                using var loss = ls + lambdaU * lu;
                loss.backward();
                optimizer.step();
                _teacher.Update();

                supervised += ls.item<float>();
                consistency += lu.item<float>();
                _maskRates.Add(mask.mean().item<float>());
            }
            var recent = _maskRates.TakeLast(20).DefaultIfEmpty(0).Average();
            Console.WriteLine($"epoch {epoch}: Ls {supervised:F3}, Lu {consistency:F3}, mask rate {recent:P0}");
        }
    }

    public static void Main()
    {
        InMemoryDataset Make(long n, bool withLabels)
        {
            var x = torch.randn(n, 12);
            var columns = new Dictionary<string, Tensor> { ["data"] = x };
            if (withLabels) columns["label"] = x.narrow(1, 0, 3).argmax(1);
            return new InMemoryDataset(columns);
        }
        new FixMatchTrainer().Fit(Make(400, withLabels: true), Make(4000, withLabels: false), epochs: 5);
    }
}
