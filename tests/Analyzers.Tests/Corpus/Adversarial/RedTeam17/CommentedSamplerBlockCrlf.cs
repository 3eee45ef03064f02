// Scenario: (CRLF line endings) Composer's bug in a braced if whose body explains itself in comments: the loader arrives as a parameter and may draw from a batch sampler: wrong - CMP001. Its fix replaces the whole if; the comments inside the braces should survive.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.CommentedSamplerBlockCrlf;

/// <summary>Trains a classifier for a fixed number of epochs.</summary>
public sealed class ClassifierLoop
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(8, 24), nn.ReLU(), nn.Linear(24, 2));

    /// <summary>Runs <paramref name="epochs"/> passes over <paramref name="train"/>.</summary>
    /// <param name="train">The training loader; built by the data module.</param>
    /// <param name="epochs">How many passes.</param>
    public void Fit(EpochDataLoader train, int epochs)
    {
        var optimizer = optim.AdamW(_model.parameters(), lr: 2e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (train.Sampler is IEpochAware aware)
            {
                // DDP: every rank must agree on this epoch's shuffle,
                // or the shards overlap.
                aware.SetEpoch(epoch); //! CMP001 see torch.utils.data.DistributedSampler
            }

            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
