// Scenario: a hand-written loader type exposes a RandomSampler Sampler and a SetEpoch method, but the training loop iterates it every epoch without ever calling it: the same order each epoch (bug).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Ported.Shuffle;

public sealed class ShuffledLoader : IEnumerable<(Tensor X, Tensor Y)>
{
    readonly Tensor _x, _y;
    readonly int _batchSize;

    public ShuffledLoader(Tensor x, Tensor y, int batchSize, RandomSampler sampler)
    {
        (_x, _y, _batchSize) = (x, y, batchSize);
        Sampler = sampler;
    }

    public RandomSampler Sampler { get; }

    public void SetEpoch(int epoch) => Sampler.SetEpoch(epoch);

    public IEnumerator<(Tensor X, Tensor Y)> GetEnumerator()
    {
        foreach (var chunk in Sampler.Chunk(_batchSize))
        {
            var index = torch.tensor(chunk);
            yield return (_x.index_select(0, index), _y.index_select(0, index));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Program
{
    public static void Fit(Tensor x, Tensor y, int epochs)
    {
        var loader = new ShuffledLoader(x, y, batchSize: 50, new RandomSampler(x.shape[0], seed: 77));
        var model = nn.Sequential(nn.Linear(x.shape[1], 16), nn.ReLU(), nn.Linear(16, 1));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (bx, by) in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(model.forward(bx), by);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
