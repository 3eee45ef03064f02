// Scenario: a partial trainer class declares and builds its shuffling loader in one part and iterates it in the other part (same file) without setting the epoch. Wrong (CMP002 on the foreach).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.PartialTrainerLoaderInOtherPart;

public sealed partial class SpeechTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;

    public SpeechTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset utterances)
    {
        _model = model;
        _train = new EpochDataLoader(utterances, batchSize: 16, shuffle: true, dropLast: true, seed: 77);
    }
}

public sealed partial class SpeechTrainer
{
    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_model.parameters(), 5e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            double total = 0;
            foreach (var batch in _train) //! CMP002
            {
                optimizer.zero_grad();
                using var logProbs = _model.forward(batch["features"]).log_softmax(-1);
                using var loss = nn.functional.nll_loss(logProbs, batch["targets"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total / _train.Count:F4}");
        }
    }
}
