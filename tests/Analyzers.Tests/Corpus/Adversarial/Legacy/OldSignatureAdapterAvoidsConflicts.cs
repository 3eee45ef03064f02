// Scenario: an adapter keeps the old (shuffle, seed, sampler, batchSampler) signature and maps it onto EpochDataLoader without conflicts (shuffle only when no sampler is given, batchSize 1 and dropLast false beside a batch sampler); the caller sets each loader's epoch every pass — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using System.Linq;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.OldSignatureAdapter
{
    public static class OldSignatureLoaderAdapter
    {
        /// <summary>
        /// Same parameters as our old LoaderFactory.Create, kept so that 40+ call sites did not have to change.
        /// </summary>
        public static EpochDataLoader Create(InMemoryDataset ds, int nBatchSize, bool bShuffle, int? nSeed,
            ISampler sampler, IBatchSampler batchSampler)
        {
            if (batchSampler != null)
            {
                // batch sampler decides everything: leave batchSize at 1, no shuffle, no sampler, no drop_last
                return new EpochDataLoader(ds, 1, false, null, batchSampler, false);
            }
            if (sampler != null)
            {
                return new EpochDataLoader(ds, batchSize: nBatchSize, shuffle: false, sampler: sampler);
            }
            return new EpochDataLoader(ds, batchSize: nBatchSize, shuffle: bShuffle, sampler: null, seed: nSeed.HasValue ? nSeed.Value : 0);
        }
    }

    internal static class OldSignatureAdapterProgram
    {
        private static void Main(string[] args)
        {
            long[] labels = Enumerable.Range(0, 1200).Select(i => (long)(i % 6)).ToArray();
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(1200, 14);
            cols["label"] = torch.tensor(labels);
            InMemoryDataset ds = new InMemoryDataset(cols);

            EpochDataLoader plain = OldSignatureLoaderAdapter.Create(ds, 50, true, 17, null, null);
            EpochDataLoader pk = OldSignatureLoaderAdapter.Create(ds, 50, false, null, null,
                new ClassBalancedBatchSampler(labels, 3, 10, seed: 17));

            TorchSharp.Modules.Linear head = nn.Linear(14, 6);
            optim.Optimizer opt = optim.SGD(head.parameters(), 0.02);

            int nEpochs = args.Length > 0 ? int.Parse(args[0]) : 4;
            for (int nEpoch = 0; nEpoch < nEpochs; nEpoch++)
            {
                plain.SetEpoch(nEpoch);
                Epochs.SetEpoch(pk, nEpoch);

                foreach (Dictionary<string, Tensor> batch in plain.Concat(pk))
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        opt.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(head.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        opt.step();
                    }
                }
            }

            plain.Dispose();
            pk.Dispose();
        }
    }
}
