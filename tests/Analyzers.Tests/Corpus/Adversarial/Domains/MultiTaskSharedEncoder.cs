// Scenario: a multi-task clinical-notes model (shared encoder, one head per task: diagnosis codes, negation, section type) that sets the epoch of each task loader inside its loop over tasks, then adds a consistency-regularisation phase on unlabelled notes whose shuffling loader is never told the epoch, so that phase replays one order every epoch (wrong: CMP002 on the unlabelled loader's iteration only).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.MultiTaskSharedEncoder;

public sealed class NotesEncoder : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _proj;

    public NotesEncoder(long vocab, long dim) : base(nameof(NotesEncoder))
    {
        _embed = nn.Embedding(vocab, dim, padding_idx: 0);
        _proj = nn.Linear(dim, dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids)
    {
        var mask = ids.ne(0).unsqueeze(-1).to_type(ScalarType.Float32);
        return torch.tanh(_proj.call((_embed.call(ids) * mask).sum(1) / mask.sum(1).clamp_min(1)));
    }
}

public static class ClinicalMultiTask
{
    public static void Train(IReadOnlyDictionary<string, (InMemoryDataset Data, int Classes)> labelled, InMemoryDataset unlabelledNotes, int epochs)
    {
        const int Hidden = 256;
        var encoder = new NotesEncoder(vocab: 40_000, dim: Hidden);
        var heads = labelled.ToDictionary(t => t.Key, t => nn.Linear(Hidden, t.Value.Classes));
        var parameters = encoder.parameters().Concat(heads.Values.SelectMany(h => h.parameters())).ToList();
        var optimizer = optim.AdamW(parameters, lr: 3e-4);

        var tasks = labelled.ToDictionary(
            t => t.Key,
            t => new EpochDataLoader(t.Value.Data, batchSize: 32, shuffle: true, seed: 1000 + t.Key.Length));
        using var unlabelled = new EpochDataLoader(unlabelledNotes, batchSize: 64, shuffle: true, seed: 77);
        const int ConsistencySteps = 200;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            encoder.train();
            foreach (var (name, loader) in tasks)
            {
                loader.SetEpoch(epoch);
                var head = heads[name];
                foreach (var batch in loader)
                {
                    using var scope = torch.NewDisposeScope();
                    var loss = nn.functional.cross_entropy(head.call(encoder.call(batch["ids"])), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }

            // Consistency: two dropout-perturbed passes of the same note should agree on every task head.
            foreach (var batch in unlabelled.Take(ConsistencySteps)) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var ids = batch["ids"];
                var keep = torch.rand(ids.shape).ge(0.1).to_type(ScalarType.Int64);
                var z1 = encoder.call(ids * keep);
                var z2 = encoder.call(ids);
                var loss = heads.Values
                    .Select(h => nn.functional.kl_div(nn.functional.log_softmax(h.call(z1), 1), nn.functional.softmax(h.call(z2), 1).detach(), reduction: nn.Reduction.Mean))
                    .Aggregate((a, b) => a + b);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            Console.WriteLine($"epoch {epoch} finished ({tasks.Count} tasks + consistency)");
        }

        foreach (var loader in tasks.Values) loader.Dispose();
    }
}
