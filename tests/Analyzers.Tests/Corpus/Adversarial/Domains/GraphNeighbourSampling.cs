// Scenario: GraphSAGE node classification with a NeighborLoader ported from PyTorch Geometric (sampler/batch_sampler members with PyTorch's semantics: given a batch_sampler, `sampler` is a SequentialSampler); the user shards seed nodes with a BatchSampler over a DistributedSampler but reshuffles through `(loader.sampler as IEpochAware)?.SetEpoch(epoch)`, which is null-safe and silently does nothing, so every epoch and rank replays epoch 0's node order (wrong: CMP001 at that call).
using System.Collections;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.GraphNeighbourSampling;

public sealed class SageGraph
{
    public required int[][] Neighbours { get; init; }
    public required Tensor Features { get; init; }   // [nodes, dim]
    public required Tensor Labels { get; init; }     // [nodes]
}

/// <summary>Mini-batches of seed nodes with their sampled 1-hop neighbourhoods (mean-aggregated features).</summary>
public sealed class SageNeighborLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly SageGraph _graph;
    private readonly long[] _seedNodes;
    private readonly int _fanout;

    public ISampler sampler { get; }
    public IBatchSampler batch_sampler { get; }

    public SageNeighborLoader(SageGraph graph, long[] seedNodes, int fanout, int batch_size = 1, bool shuffle = false,
        ISampler? sampler = null, IBatchSampler? batch_sampler = null)
    {
        _graph = graph;
        _seedNodes = seedNodes;
        _fanout = fanout;
        if (batch_sampler is not null)
        {
            this.sampler = new SequentialSampler(seedNodes.Length);   // as torch.utils.data.DataLoader does
            this.batch_sampler = batch_sampler;
        }
        else
        {
            this.sampler = sampler ?? (shuffle ? new RandomSampler(seedNodes.Length) : new SequentialSampler(seedNodes.Length));
            this.batch_sampler = new BatchSampler(this.sampler, batch_size);
        }
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        var rng = new Random(17);
        foreach (long[] positions in batch_sampler)
        {
            var seeds = positions.Select(p => _seedNodes[p]).ToArray();
            var neighbourMeans = seeds.Select(s =>
            {
                var nbrs = _graph.Neighbours[s];
                var picked = nbrs.Length <= _fanout ? nbrs : Enumerable.Range(0, _fanout).Select(_ => nbrs[rng.Next(nbrs.Length)]).ToArray();
                return picked.Length == 0
                    ? torch.zeros_like(_graph.Features[s])
                    : _graph.Features.index_select(0, torch.tensor(picked.Select(i => (long)i).ToArray())).mean(new long[] { 0 });
            }).ToArray();
            var index = torch.tensor(seeds);
            yield return new Dictionary<string, Tensor>
            {
                ["self"] = _graph.Features.index_select(0, index),
                ["neigh"] = torch.stack(neighbourMeans),
                ["y"] = _graph.Labels.index_select(0, index),
            };
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class SageLayerModel : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear _self, _neigh, _out;

    public SageLayerModel(long dim, long hidden, long classes) : base(nameof(SageLayerModel))
    {
        _self = nn.Linear(dim, hidden);
        _neigh = nn.Linear(dim, hidden, hasBias: false);
        _out = nn.Linear(hidden, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor self, Tensor neigh) =>
        _out.call(nn.functional.relu(_self.call(self) + _neigh.call(neigh)));
}

public static class SageTraining
{
    public static void Run(SageGraph graph, long[] trainNodes, int classes, int epochs)
    {
        Dist.Initialize();
        var loader = new SageNeighborLoader(graph, trainNodes, fanout: 10,
            batch_sampler: new BatchSampler(new DistributedSampler(trainNodes.Length, seed: 0), 512, dropLast: true));

        var model = new SageLayerModel(graph.Features.shape[1], 256, classes);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 3e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (loader.sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
            double total = 0;
            int steps = 0;
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(batch["self"], batch["neigh"]), batch["y"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch:D2} loss {total / Math.Max(steps, 1):F4}");
        }
    }
}
