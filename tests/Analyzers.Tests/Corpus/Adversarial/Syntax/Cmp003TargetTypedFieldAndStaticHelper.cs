// Scenario: a target-typed `DataLoader train = new(data, 64, shuffle: true, seed: 42);` and a static local helper that builds augmented loaders from a seed parameter (bug: CMP003 on both creations; the eval helper with shuffle: false is fine).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp003TargetTypedFieldAndStaticHelper;

public static class Program
{
    public static void Main()
    {
        var data = new TensorRows(randn(500, 4), randint(0, 2, 500));
        DataLoader train = new(data, 64, shuffle: true, seed: 42); //! CMP003
        using var eval = MakeEval(data, 0);
        using var aug = MakeAug(data, 7);

        for (int epoch = 0; epoch < 3; epoch++)
            foreach (var batch in train)
                Console.WriteLine(batch["data"].shape[0]);

        static DataLoader MakeEval(torch.utils.data.Dataset d, int seed) => new(d, 256, shuffle: false, seed: seed);
        static DataLoader MakeAug(torch.utils.data.Dataset d, int seed) => new(d, 128, true, null, seed); //! CMP003
    }
}

public sealed class TensorRows(Tensor x, Tensor y) : torch.utils.data.Dataset
{
    public override long Count => x.shape[0];
    public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = x[index], ["label"] = y[index] };
}
