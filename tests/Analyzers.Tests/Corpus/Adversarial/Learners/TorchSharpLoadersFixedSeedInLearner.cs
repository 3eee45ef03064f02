// Scenario: a Learner that builds its DataLoaders pair inside its constructor with TorchSharp's DataLoader(shuffle: true, seed: 42) for train and shuffle: false for valid, then loops over epochs — wrong: TorchSharp reseeds from 42 at every enumeration (CMP003 on the train creation only).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Learners.TorchLoaders;

public sealed class DataLoaders
{
    public DataLoader Train { get; }
    public DataLoader Valid { get; }

    public DataLoaders(DataLoader train, DataLoader valid) => (Train, Valid) = (train, valid);
}

public sealed class Learner
{
    private readonly DataLoader _train;
    private readonly DataLoader _valid;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;

    public Learner(torch.utils.data.Dataset trainSet, torch.utils.data.Dataset validSet, Func<Dictionary<string, Tensor>, Tensor> lossFn, int batchSize = 64)
    {
        _train = new DataLoader(trainSet, batchSize, shuffle: true, seed: 42); //! CMP003
        _valid = new DataLoader(validSet, batchSize * 2, shuffle: false, seed: 42);
        _lossFn = lossFn;
    }

    public DataLoaders Dls => new(_train, _valid);

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double sum = 0;
            foreach (var batch in _train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
                sum += loss.item<float>();
            }

            double vsum = 0;
            using (torch.no_grad())
                foreach (var batch in _valid) { using var l = _lossFn(batch); vsum += l.item<float>(); }
            Console.WriteLine($"epoch {epoch}: train {sum:F3} valid {vsum:F3}");
        }
    }
}
