// Scenario: a singleton training manager (#regions, m_ fields, settings dictionary) builds its loader with a RandomSampler and calls a private RunOneEpoch() that iterates the field each pass; the old reseed call was commented out in the migration and nothing sets the epoch — wrong (CMP002).
#nullable disable
using System;
using System.Collections.Generic;
using System.Globalization;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.SingletonManager
{
    public sealed class SingletonTrainingManager : IDisposable
    {
        #region Singleton

        private static readonly SingletonTrainingManager s_instance = new SingletonTrainingManager();

        public static SingletonTrainingManager Instance
        {
            get { return s_instance; }
        }

        private SingletonTrainingManager()
        {
        }

        #endregion

        #region Fields

        private InMemoryDataset m_trainSet;
        private InMemoryDataset m_validSet;
        private EpochDataLoader m_trainLoader;
        private EpochDataLoader m_validLoader;
        private TorchSharp.Modules.Sequential m_model;
        private optim.Optimizer m_optimizer;
        private int m_nEpoch;
        private int m_nMaxEpochs;
        private bool m_bInitialized;

        #endregion

        #region Initialization

        public void Initialize(Dictionary<string, string> settings)
        {
            if (m_bInitialized) throw new InvalidOperationException("Already initialized.");

            int nBatch = GetInt(settings, "Training.BatchSize", 64);
            int nSeed = GetInt(settings, "Training.Seed", 2017);
            int nFeatures = GetInt(settings, "Data.Features", 40);
            m_nMaxEpochs = GetInt(settings, "Training.MaxEpochs", 30);

            m_trainSet = MakeSet(5000, nFeatures);
            m_validSet = MakeSet(1000, nFeatures);

            // m_trainLoader = new DataLoader(m_trainSet, nBatch, shuffle: true, seed: nSeed);   (pre-2024)
            m_trainLoader = new EpochDataLoader(m_trainSet, batchSize: nBatch, sampler: new RandomSampler(m_trainSet.Count, seed: nSeed));
            m_validLoader = new EpochDataLoader(m_validSet, batchSize: 250);

            m_model = nn.Sequential(nn.Linear(nFeatures, 128), nn.Tanh(), nn.Linear(128, 10));
            m_optimizer = optim.SGD(m_model.parameters(), 0.02);
            m_bInitialized = true;
        }

        private static int GetInt(Dictionary<string, string> settings, string strKey, int nDefault)
        {
            string strValue;
            if (settings != null && settings.TryGetValue(strKey, out strValue))
            {
                return int.Parse(strValue, CultureInfo.InvariantCulture);
            }
            return nDefault;
        }

        private static InMemoryDataset MakeSet(int nSamples, int nFeatures)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(nSamples, nFeatures);
            cols["label"] = torch.randint(0, 10, new long[] { nSamples }, dtype: ScalarType.Int64);
            return new InMemoryDataset(cols);
        }

        #endregion

        #region Training

        public void Train()
        {
            if (!m_bInitialized) throw new InvalidOperationException("Call Initialize first.");

            Console.WriteLine("Training for {0} epochs, {1} batches per epoch", m_nMaxEpochs, m_trainLoader.Count);
            m_nEpoch = 0;
            while (m_nEpoch < m_nMaxEpochs)
            {
                OnEpochStarting();
                // m_trainLoader.Reseed(m_nSeed + m_nEpoch);   // removed: EpochDataLoader has no Reseed
                double dTrainLoss = RunOneEpoch(); //! CMP002
                double dValidLoss = Validate();
                OnEpochFinished(dTrainLoss, dValidLoss);
                m_nEpoch++;
            }
        }

        private void OnEpochStarting()
        {
            Console.WriteLine("---- epoch {0} / {1} ----", m_nEpoch + 1, m_nMaxEpochs);
        }

        private void OnEpochFinished(double dTrainLoss, double dValidLoss)
        {
            Console.WriteLine("train {0:F4}  valid {1:F4}", dTrainLoss, dValidLoss);
        }

        private double RunOneEpoch()
        {
            m_model.train();
            double dTotal = 0.0;
            int nBatches = 0;
            foreach (Dictionary<string, Tensor> batch in m_trainLoader)
            {
                using (DisposeScope scope = torch.NewDisposeScope())
                {
                    m_optimizer.zero_grad();
                    Tensor loss = nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    m_optimizer.step();
                    dTotal += loss.item<float>();
                    nBatches++;
                }
            }
            return dTotal / Math.Max(1, nBatches);
        }

        private double Validate()
        {
            m_model.eval();
            double dTotal = 0.0;
            int nBatches = 0;
            using (IDisposable noGrad = torch.no_grad())
            {
                foreach (Dictionary<string, Tensor> batch in m_validLoader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        dTotal += nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]).item<float>();
                        nBatches++;
                    }
                }
            }
            return dTotal / Math.Max(1, nBatches);
        }

        #endregion

        #region IDisposable

        public void Dispose()
        {
            if (m_trainLoader != null) m_trainLoader.Dispose();
            if (m_validLoader != null) m_validLoader.Dispose();
            if (m_model != null) m_model.Dispose();
        }

        #endregion
    }

    internal static class SingletonManagerProgram
    {
        private static void Main(string[] args)
        {
            Dictionary<string, string> settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string strArg in args)
            {
                int nEq = strArg.IndexOf('=');
                if (nEq > 0) settings[strArg.Substring(0, nEq)] = strArg.Substring(nEq + 1);
            }
            SingletonTrainingManager.Instance.Initialize(settings);
            SingletonTrainingManager.Instance.Train();
            SingletonTrainingManager.Instance.Dispose();
        }
    }
}
