// Scenario: TorchSharp's IterableDataLoader (derived from DataLoader<,>) constructed with `shuffle: true, seed: 1234` once before training (bug: CMP003).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp003IterableDataLoaderSeeded;

public sealed class Windows(Tensor series, int width) : torch.utils.data.IterableDataset
{
    public override long Count => series.shape[0] - width;
    public override IList<Tensor> GetTensor(long index) => [series[TensorIndex.Slice(index, index + width)], series[index + width]];
}

public static class Program
{
    public static void Main()
    {
        var ds = new Windows(randn(10_000), 32);
        using var loader = new IterableDataLoader(ds, 64, shuffle: true, seed: 1234); //! CMP003
        var model = nn.Linear(32, 1);
        var opt = optim.Adam(model.parameters());
        for (int epoch = 0; epoch < 5; epoch++)
        {
            foreach (var batch in loader)
            {
                opt.zero_grad();
                using var loss = nn.functional.mse_loss(model.call(batch[0]).squeeze(-1), batch[1]);
                loss.backward();
                opt.step();
            }
        }
    }
}
