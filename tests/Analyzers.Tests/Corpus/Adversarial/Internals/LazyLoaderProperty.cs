// Scenario: a trainer builds its shuffling loader lazily in an expression-bodied property (`TrainLoader => _train ??= new EpochDataLoader(…, shuffle: true)`) and iterates it each epoch without setting the epoch. Wrong (CMP002 expected: the docs read an expression-bodied getter and follow `??`; `??=` is not named: ambiguous).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.LazyLoaderProperty;

public sealed class AutoencoderTrainer
{
    private readonly InMemoryDataset _data;
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly nn.Module<Tensor, Tensor> _decoder;
    private EpochDataLoader? _train;

    public AutoencoderTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> decoder)
    {
        _data = data;
        _encoder = encoder;
        _decoder = decoder;
    }

    private EpochDataLoader TrainLoader => _train ??= new EpochDataLoader(_data, batchSize: 128, shuffle: true, seed: 8);

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_encoder.parameters().Concat(_decoder.parameters()), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            foreach (var batch in TrainLoader) //! CMP002
            {
                optimizer.zero_grad();
                using var code = _encoder.forward(batch["pixels"]);
                using var reconstruction = _decoder.forward(code);
                using var loss = nn.functional.mse_loss(reconstruction, batch["pixels"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: reconstruction {total / TrainLoader.Count:F5}");
        }
    }
}
