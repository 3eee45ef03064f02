// Scenario: a resume-from-checkpoint method copies the "restore sampler state" line into its while loop and passes the resume epoch parameter to Epochs.SetEpoch on every pass, so all resumed epochs share one order — wrong (CMP004).
#nullable disable
using System;
using System.Collections.Generic;
using System.IO;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.ResumeStartEpoch
{
    public class ResumeStartEpochTrainer : IDisposable
    {
        #region Members

        private readonly EpochDataLoader m_trainLoader;
        private readonly TorchSharp.Modules.Sequential m_model;
        private readonly optim.Optimizer m_optimizer;
        private readonly string m_strCheckpointDir;
        private readonly int m_nMaxEpochs;
        private bool m_bDisposed;

        #endregion

        public ResumeStartEpochTrainer(InMemoryDataset trainSet, string strCheckpointDir, int nMaxEpochs)
        {
            m_strCheckpointDir = strCheckpointDir;
            m_nMaxEpochs = nMaxEpochs;
            m_trainLoader = new EpochDataLoader(trainSet, batchSize: 100, shuffle: true, seed: 31337);
            m_model = nn.Sequential(nn.Linear(12, 12), nn.ReLU(), nn.Linear(12, 3));
            m_optimizer = optim.Adam(m_model.parameters(), 0.001);
        }

        public int FindLastEpoch()
        {
            if (!Directory.Exists(m_strCheckpointDir)) return 0;
            int nLast = 0;
            foreach (string strFile in Directory.GetFiles(m_strCheckpointDir, "model-ep*.bin"))
            {
                string strName = Path.GetFileNameWithoutExtension(strFile);
                int n;
                if (int.TryParse(strName.Substring("model-ep".Length), out n) && n > nLast) nLast = n;
            }
            return nLast;
        }

        public void ResumeTraining(int nResumeEpoch)
        {
            if (nResumeEpoch > 0)
            {
                string strPath = Path.Combine(m_strCheckpointDir, "model-ep" + nResumeEpoch + ".bin");
                m_model.load(strPath);
            }

            int nEpoch = nResumeEpoch;
            while (nEpoch < m_nMaxEpochs)
            {
                // restore the sampler state so that the resumed run sees the same data as the original
                Epochs.SetEpoch(m_trainLoader, nResumeEpoch); //! CMP004

                foreach (Dictionary<string, Tensor> batch in m_trainLoader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        m_optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        m_optimizer.step();
                    }
                }

                nEpoch += 1;
                Directory.CreateDirectory(m_strCheckpointDir);
                m_model.save(Path.Combine(m_strCheckpointDir, "model-ep" + nEpoch + ".bin"));
            }
        }

        #region IDisposable

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool bDisposing)
        {
            if (m_bDisposed) return;
            if (bDisposing)
            {
                m_trainLoader.Dispose();
                m_model.Dispose();
            }
            m_bDisposed = true;
        }

        #endregion
    }

    internal static class ResumeStartEpochProgram
    {
        private static void Main(string[] args)
        {
            string strDir = args.Length > 0 ? args[0] : "checkpoints";
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(3000, 12);
            cols["label"] = torch.randint(0, 3, new long[] { 3000 }, dtype: ScalarType.Int64);

            using (ResumeStartEpochTrainer trainer = new ResumeStartEpochTrainer(new InMemoryDataset(cols), strDir, 25))
            {
                int nLast = trainer.FindLastEpoch();
                Console.WriteLine(nLast > 0 ? "Resuming after epoch " + nLast : "Starting fresh");
                trainer.ResumeTraining(nLast);
            }
        }
    }
}
