// Scenario: an attention-free GRU encoder-decoder for speech recognition with a decaying teacher-forcing ratio, trained data-parallel and resumable; to "keep the data order consistent with the checkpoint" the user passes the resume epoch to the loader's SetEpoch inside the epoch loop, so every resumed epoch replays one order (wrong: CMP004 at the setter; the teacher-forcing schedule's own SetEpoch gets the loop variable and is fine).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.SpeechSeq2SeqResume;

public sealed class TeacherForcingSchedule
{
    private readonly double _start, _floor, _decay;
    public double Ratio { get; private set; }

    public TeacherForcingSchedule(double start = 1.0, double floor = 0.5, double decay = 0.05) =>
        (_start, _floor, _decay, Ratio) = (start, floor, decay, start);

    public void SetEpoch(int epoch) => Ratio = Math.Max(_floor, _start - _decay * epoch);
}

public sealed class GruSpeechSeq2Seq : nn.Module<Tensor, Tensor, double, Tensor>
{
    private readonly TorchSharp.Modules.GRU _encoder, _decoder;
    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _out;
    private readonly long _bos;

    public GruSpeechSeq2Seq(long melBins, long vocab, long hidden, long bos) : base(nameof(GruSpeechSeq2Seq))
    {
        _encoder = nn.GRU(melBins, hidden, batchFirst: true);
        _decoder = nn.GRU(hidden, hidden, batchFirst: true);
        _embed = nn.Embedding(vocab, hidden);
        _out = nn.Linear(hidden, vocab);
        _bos = bos;
        RegisterComponents();
    }

    // mel: [B, frames, bins]; targets: [B, U]. Returns logits [B, U, vocab].
    public override Tensor forward(Tensor mel, Tensor targets, double teacherForcing)
    {
        var (_, h) = _encoder.call(mel);
        long batch = targets.shape[0], steps = targets.shape[1];
        var input = torch.full(new long[] { batch, 1 }, _bos, dtype: ScalarType.Int64);
        var logits = new List<Tensor>();
        for (long u = 0; u < steps; u++)
        {
            var (o, hNext) = _decoder.call(_embed.call(input), h);
            h = hNext;
            var step = _out.call(o);
            logits.Add(step);
            bool force = training && Random.Shared.NextDouble() < teacherForcing;
            input = force ? targets.narrow(1, u, 1) : step.argmax(-1).detach();
        }
        return torch.cat(logits, 1);
    }
}

public static class AsrTraining
{
    public static void Train(InMemoryDataset utterances, string checkpointPath, int numEpochs, long vocab)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(utterances.Count, seed: 1);
        using var loader = new EpochDataLoader(utterances, batchSampler: new BatchSampler(shard, 16, dropLast: true));

        var model = new GruSpeechSeq2Seq(melBins: 80, vocab, hidden: 320, bos: 1);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var teacherForcing = new TeacherForcingSchedule();

        int resumeEpoch = 0;
        if (File.Exists(checkpointPath))
        {
            model.load(checkpointPath);
            resumeEpoch = int.Parse(File.ReadAllText(checkpointPath + ".epoch")) + 1;
        }

        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = resumeEpoch; epoch < numEpochs; epoch++)
        {
            loader.SetEpoch(resumeEpoch); //! CMP004
            teacherForcing.SetEpoch(epoch);
            model.train();
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var logits = model.call(batch["mel"], batch["tokens"], teacherForcing.Ratio);
                var loss = nn.functional.cross_entropy(logits.reshape(-1, vocab), batch["tokens"].reshape(-1), ignore_index: 0);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                nn.utils.clip_grad_norm_(model.parameters(), 5.0);
                optimizer.step();
            }

            if (Dist.Rank == 0)
            {
                model.save(checkpointPath);
                File.WriteAllText(checkpointPath + ".epoch", epoch.ToString());
            }
        }
    }
}
