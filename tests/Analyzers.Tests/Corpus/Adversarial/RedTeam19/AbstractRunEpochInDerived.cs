// Scenario: a template-method trainer: the base class's Fit loop calls the abstract RunEpoch(), and the derived trainer implements it over its own shuffling field, never setting the epoch (a real bug no rule here sees). The call names an abstract method, which is not in view ("Abstract, interface, extern and other files' methods are not"; "a call of a virtual method reads the method it names, not its overrides"), so it iterates nothing at the call; inside RunEpoch the field's iteration is in no loop. No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.AbstractRunEpochInDerived;

public abstract class TemplateTrainer
{
    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var loss = RunEpoch();
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }
    }

    protected abstract double RunEpoch();
}

public sealed class ImageTrainer : TemplateTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(("fc", nn.Linear(16, 4)));

    public ImageTrainer(InMemoryDataset data) => _train = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 17);

    protected override double RunEpoch()
    {
        using var noGrad = no_grad();
        double sum = 0;
        foreach (var batch in _train)
        {
            using var scope = NewDisposeScope();
            sum += nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]).item<float>();
        }
        return sum;
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(160, 16), ["y"] = randint(0, 4, new long[] { 160 }) });
        new ImageTrainer(data).Fit(epochs: 3);
    }
}
